package io.cobench.data.views;

import java.util.SplittableRandom;

/**
 * Intensity operations, in place, with torchvision's definitions: colour jitter (brightness,
 * contrast, saturation, hue in a random order), greyscale, Gaussian blur. Results are clamped to
 * [0,1] as 8-bit images would be. Saturation and hue leave grey images unchanged.
 */
public final class Photometric {

    /**
     * Jitter strengths: factors are drawn from [max(0, 1 - s), 1 + s] (hue: shift in [-hue, hue]
     * of a full turn, hue at most 0.5).
     */
    public record Jitter(double brightness, double contrast, double saturation, double hue) {
        public Jitter {
            if (brightness < 0 || contrast < 0 || saturation < 0 || hue < 0 || hue > 0.5) {
                throw new IllegalArgumentException("jitter strengths must be >= 0 and hue <= 0.5, got "
                        + brightness + ", " + contrast + ", " + saturation + ", " + hue);
            }
        }
    }

    private Photometric() {
    }

    /** torchvision's ColorJitter: the four adjustments in a random order with random factors. */
    public static void colorJitter(FloatImage im, Jitter j, SplittableRandom r) {
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        double b = factor(r, j.brightness());
        double c = factor(r, j.contrast());
        double s = factor(r, j.saturation());
        double h = Spatial.uniform(r, -j.hue(), j.hue());
        for (int op : order) {
            switch (op) {
                case 0 -> brightness(im, b);
                case 1 -> contrast(im, c);
                case 2 -> saturation(im, s);
                default -> hue(im, h);
            }
        }
    }

    private static double factor(SplittableRandom r, double strength) {
        return Spatial.uniform(r, Math.max(0, 1 - strength), 1 + strength);
    }

    public static void brightness(FloatImage im, double f) {
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < im.height(); y++) {
                for (int x = 0; x < im.width(); x++) {
                    im.set(c, y, x, clamp(im.get(c, y, x) * f));
                }
            }
        }
    }

    /** Blends with the mean luma: {@code m + f (v - m)}. */
    public static void contrast(FloatImage im, double f) {
        double m = 0;
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                m += im.luma(y, x);
            }
        }
        m /= (double) im.height() * im.width();
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < im.height(); y++) {
                for (int x = 0; x < im.width(); x++) {
                    im.set(c, y, x, clamp(m + f * (im.get(c, y, x) - m)));
                }
            }
        }
    }

    /** Blends each pixel with its own luma. */
    public static void saturation(FloatImage im, double f) {
        if (im.channels() == 1) {
            return;
        }
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                double l = im.luma(y, x);
                for (int c = 0; c < im.channels(); c++) {
                    im.set(c, y, x, clamp(l + f * (im.get(c, y, x) - l)));
                }
            }
        }
    }

    /** Rotates the hue by {@code shift} of a full turn (HSV), for RGB images. */
    public static void hue(FloatImage im, double shift) {
        if (im.channels() != 3 || shift == 0) {
            return;
        }
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                double r = im.get(0, y, x);
                double g = im.get(1, y, x);
                double b = im.get(2, y, x);
                double max = Math.max(r, Math.max(g, b));
                double min = Math.min(r, Math.min(g, b));
                double d = max - min;
                double h = 0;
                if (d > 0) {
                    if (max == r) {
                        h = ((g - b) / d) / 6.0;
                    } else if (max == g) {
                        h = ((b - r) / d + 2) / 6.0;
                    } else {
                        h = ((r - g) / d + 4) / 6.0;
                    }
                }
                h = ((h + shift) % 1.0 + 1.0) % 1.0;
                double s = max == 0 ? 0 : d / max;
                double[] rgb = hsvToRgb(h, s, max);
                for (int c = 0; c < 3; c++) {
                    im.set(c, y, x, clamp(rgb[c]));
                }
            }
        }
    }

    private static double[] hsvToRgb(double h, double s, double v) {
        double h6 = h * 6;
        int i = (int) Math.floor(h6) % 6;
        double f = h6 - Math.floor(h6);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        return switch (i) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }

    /** Every channel becomes the luma (the channel count is kept, as RandomGrayscale does). */
    public static void grayscale(FloatImage im) {
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                float l = im.luma(y, x);
                for (int c = 0; c < im.channels(); c++) {
                    im.set(c, y, x, l);
                }
            }
        }
    }

    /** Separable Gaussian blur with standard deviation {@code sigma} pixels, edges extended. */
    public static void gaussianBlur(FloatImage im, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("blur sigma must be > 0, got " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int h = im.height();
        int w = im.width();
        float[] line = new float[Math.max(h, w)];
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int i = -radius; i <= radius; i++) {
                        s += k[i + radius] * im.get(c, y, Math.min(w - 1, Math.max(0, x + i)));
                    }
                    line[x] = (float) s;
                }
                for (int x = 0; x < w; x++) {
                    im.set(c, y, x, line[x]);
                }
            }
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    double s = 0;
                    for (int i = -radius; i <= radius; i++) {
                        s += k[i + radius] * im.get(c, Math.min(h - 1, Math.max(0, y + i)), x);
                    }
                    line[y] = (float) s;
                }
                for (int y = 0; y < h; y++) {
                    im.set(c, y, x, line[y]);
                }
            }
        }
    }

    private static float clamp(double v) {
        return (float) Math.min(1.0, Math.max(0.0, v));
    }
}
