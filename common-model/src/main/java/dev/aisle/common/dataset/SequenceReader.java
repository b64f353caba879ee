package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads sequential-recommendation files as published with S3-Rec/ICLRec (Amazon Beauty, Sports …): one user per
 * line, {@code user item item …} separated by single spaces, items in interaction order.
 */
public final class SequenceReader {

    private SequenceReader() {
    }

    /** The sequences in file order; a line without items is a format error. */
    public static List<UserSequence> read(Path file) throws IOException {
        List<UserSequence> sequences = new ArrayList<>();
        LineReader.forEach(file, StandardCharsets.UTF_8, false, null, (line, number) -> {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2) {
                throw new DatasetFormatException(file, number, "expected 'user item [item …]' but found no items");
            }
            sequences.add(new UserSequence(f[0], Arrays.asList(f).subList(1, f.length)));
        });
        return sequences;
    }

    /**
     * The sequences as implicit ratings (rating 1) with synthetic timestamps {@code 0, 1, 2 …} per user, so that
     * time-based protocols such as {@link dev.aisle.common.split.LeaveLastOut} see the original order.
     */
    public static List<Rating> toRatings(List<UserSequence> sequences) {
        List<Rating> ratings = new ArrayList<>();
        for (UserSequence sequence : sequences) {
            List<String> items = sequence.items();
            for (int i = 0; i < items.size(); i++) {
                ratings.add(new Rating(sequence.user(), items.get(i), 1f, i));
            }
        }
        return ratings;
    }
}
