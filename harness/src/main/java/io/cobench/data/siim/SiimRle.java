package io.cobench.data.siim;

/**
 * The run-length code of SIIM-ACR's {@code train-rle.csv}, which is not standard Kaggle RLE.
 *
 * <ul>
 *   <li>Pixels are numbered column-major: {@code p = x*height + y}, x the column, y the row.</li>
 *   <li>The code is pairs {@code (offset, length)}, 0-based. The first offset is absolute; each
 *       later offset counts from the end (exclusive) of the previous run.</li>
 *   <li>{@code -1} (or an empty string) is an empty mask.</li>
 * </ul>
 *
 * Worked example from the real file: {@code 557374 2 1015 8 1009 14} sets column 544 rows
 * 318-319, column 545 rows 311-318 and column 546 rows 304-317 of a 1024x1024 mask.
 *
 * <p>Masks here are row-major {@code byte[height*width]} holding 0 or 1. The official encoder
 * never emits a run that touches the last pixel (no real row has one); {@link #encode} does emit
 * it, so that every mask survives a round trip.
 */
public final class SiimRle {
    /** Side of the SIIM images, the frame the RLE refers to. */
    public static final int SIZE = 1024;

    /** The code of an empty mask in the CSV. */
    public static final String EMPTY = "-1";

    private SiimRle() {
    }

    /** True for the empty-mask code. */
    public static boolean isEmpty(String rle) {
        String s = rle.strip();
        return s.isEmpty() || s.equals(EMPTY);
    }

    /** Decodes into a new mask. */
    public static byte[] decode(String rle, int width, int height) {
        byte[] mask = new byte[width * height];
        decodeInto(rle, width, height, mask);
        return mask;
    }

    /**
     * Sets the pixels of {@code rle} to 1 in {@code mask}, leaving others as they are: decoding
     * every row of an image into one mask gives the union of its regions, as GLoRIA and MGCA do.
     *
     * @return the number of pixels the code covers
     * @throws IllegalArgumentException for a malformed code or a run outside the image
     */
    public static long decodeInto(String rle, int width, int height, byte[] mask) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, not " + width + "x" + height);
        }
        if (isEmpty(rle)) {
            return 0;
        }
        long[] runs = parse(rle, (long) width * height);
        long covered = 0;
        for (int i = 0; i < runs.length; i += 2) {
            for (long p = runs[i]; p < runs[i] + runs[i + 1]; p++) {
                int x = (int) (p / height);
                int y = (int) (p % height);
                mask[y * width + x] = 1;
            }
            covered += runs[i + 1];
        }
        return covered;
    }

    /**
     * Checks a code without decoding it.
     *
     * @throws IllegalArgumentException for a malformed code or a run outside the image
     */
    public static void validate(String rle, int width, int height) {
        if (!isEmpty(rle)) {
            parse(rle, (long) width * height);
        }
    }

    /** Absolute (start, length) pairs. */
    private static long[] parse(String rle, long pixels) {
        String[] tok = rle.strip().split("\\s+");
        if (tok.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of values (" + tok.length + ") in run-length code");
        }
        long[] runs = new long[tok.length];
        long pos = 0;
        for (int i = 0; i < tok.length; i += 2) {
            long offset = number(tok[i]);
            long length = number(tok[i + 1]);
            if (length == 0) {
                throw new IllegalArgumentException("run of length 0 at pair " + (i / 2 + 1));
            }
            pos += offset;
            if (pos + length > pixels) {
                throw new IllegalArgumentException("run " + (i / 2 + 1) + " ends at pixel " + (pos + length)
                        + ", past the image's " + pixels);
            }
            runs[i] = pos;
            runs[i + 1] = length;
            pos += length;
        }
        return runs;
    }

    private static long number(String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a non-negative integer");
        }
    }

    /** Encodes a row-major 0/1 mask; an empty mask gives {@code -1}. */
    public static String encode(byte[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, not " + width + "x" + height);
        }
        StringBuilder sb = new StringBuilder();
        long prevEnd = 0;
        long runStart = -1;
        long p = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++, p++) {
                boolean on = mask[y * width + x] != 0;
                if (on && runStart < 0) {
                    runStart = p;
                } else if (!on && runStart >= 0) {
                    append(sb, runStart - prevEnd, p - runStart);
                    prevEnd = p;
                    runStart = -1;
                }
            }
        }
        if (runStart >= 0) {
            append(sb, runStart - prevEnd, p - runStart);
        }
        return sb.length() == 0 ? EMPTY : sb.toString();
    }

    private static void append(StringBuilder sb, long offset, long length) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(offset).append(' ').append(length);
    }
}
