package dev.aisle.common.feature;

/** Dense float-vector math for embeddings and latent factors; loops written so the JIT can vectorise them. */
public final class Vectors {

    private Vectors() {
    }

    /** {@code Σ a[i]·b[i]}. */
    public static float dot(float[] a, float[] b) {
        checkLengths(a.length, b.length);
        return dot(a, 0, b, 0, a.length);
    }

    /** {@code Σ a[aOff+i]·b[bOff+i]} for {@code i < len}: rows of a flattened factor matrix. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < len; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The L2 norm {@code √(Σ a[i]²)}. */
    public static float norm(float[] a) {
        return (float) Math.sqrt(dot(a, a));
    }

    /** Scales {@code a} to unit L2 norm in place; a zero vector is left unchanged. Returns {@code a}. */
    public static float[] normalizeInPlace(float[] a) {
        float norm = norm(a);
        if (norm > 0f) {
            float inv = 1f / norm;
            for (int i = 0; i < a.length; i++) {
                a[i] *= inv;
            }
        }
        return a;
    }

    /** Cosine similarity {@code a·b / (‖a‖ ‖b‖)}; 0 when either vector is zero. */
    public static float cosine(float[] a, float[] b) {
        checkLengths(a.length, b.length);
        float denominator = norm(a) * norm(b);
        return denominator == 0f ? 0f : dot(a, b) / denominator;
    }

    /** {@code y ← a·x + y} (BLAS axpy). */
    public static void axpy(float a, float[] x, float[] y) {
        checkLengths(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void checkLengths(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("vector lengths differ: " + a + " != " + b);
        }
    }
}
