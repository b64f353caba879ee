package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aisle.common.dataset.Rating;
import dev.aisle.common.dataset.UserSequence;

/**
 * Leave-last-out: each user's latest rating (greatest timestamp, ties broken by later input position) is the test
 * rating; the rest is train. A user with a single rating keeps it in train. For sequences,
 * {@link #holdOutLast(List)} holds out the last item of each sequence (the SASRec/ICLRec test protocol).
 */
public final class LeaveLastOut implements SplitProtocol {

    /** A held-out sequence: the history and the item that followed it. */
    public record SequenceHoldout(String user, List<String> history, String target) {

        public SequenceHoldout {
            history = List.copyOf(history);
        }
    }

    @Override
    public Split split(List<Rating> ratings) {
        Map<String, int[]> lastAndCount = new HashMap<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = ratings.get(i);
            int[] state = lastAndCount.get(r.user());
            if (state == null) {
                lastAndCount.put(r.user(), new int[] { i, 1 });
            }
            else {
                if (r.timestamp() >= ratings.get(state[0]).timestamp()) {
                    state[0] = i;
                }
                state[1]++;
            }
        }
        boolean[] inTest = new boolean[ratings.size()];
        for (int[] state : lastAndCount.values()) {
            if (state[1] > 1) {
                inTest[state[0]] = true;
            }
        }
        return Splits.partition(ratings, inTest);
    }

    /**
     * Holds out the last item of every sequence with at least two items; shorter sequences give no test case and
     * are left out of the result.
     */
    public static List<SequenceHoldout> holdOutLast(List<UserSequence> sequences) {
        List<SequenceHoldout> result = new ArrayList<>(sequences.size());
        for (UserSequence sequence : sequences) {
            List<String> items = sequence.items();
            if (items.size() >= 2) {
                result.add(new SequenceHoldout(sequence.user(), items.subList(0, items.size() - 1),
                        items.get(items.size() - 1)));
            }
        }
        return result;
    }

    /** The sequences without their last item (the training side of {@link #holdOutLast}). */
    public static List<UserSequence> withoutLast(List<UserSequence> sequences) {
        List<UserSequence> result = new ArrayList<>(sequences.size());
        for (UserSequence sequence : sequences) {
            List<String> items = sequence.items();
            result.add(new UserSequence(sequence.user(), items.subList(0, Math.max(0, items.size() - 1))));
        }
        return result;
    }
}
