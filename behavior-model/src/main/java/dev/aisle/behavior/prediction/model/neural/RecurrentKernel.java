package dev.aisle.behavior.prediction.model.neural;

/**
 * Forward and backward pass of a recurrent cell over time-major rows ({@code t·mb + b}), given the input
 * projections {@code XP = x W_x + b_x}; implementations keep what the backward pass needs from the last forward.
 */
interface RecurrentKernel {

    /** Gate blocks per state unit: 4 for the LSTM, 3 for the GRU. */
    int gates();

    /**
     * @param projected {@code [T·mb, gates·H]} input projections
     * @param recurrent {@code U [H, gates·H]}
     * @return the states {@code [T·mb, H]}
     */
    float[] forward(float[] projected, float[] recurrent, int mb, int steps);

    /**
     * Back-propagation through time of the last forward.
     * @param stateGradient {@code ∂L/∂h_t} from the loss, {@code [T·mb, H]}
     * @param recurrentGradient receives {@code ∂L/∂U} (accumulated)
     * @return {@code ∂L/∂XP}, {@code [T·mb, gates·H]}
     */
    float[] backward(float[] stateGradient, float[] recurrent, float[] recurrentGradient);

    static RecurrentKernel of(String cell, int hidden) {
        return cell.equals("lstm") ? new LstmKernel(hidden) : new GruKernel(hidden);
    }
}
