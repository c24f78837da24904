package io.cobench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ImageReader} does with an image it cannot decode. {@link #fail()} (the default)
 * stops with the path; {@link #skip()} returns nothing for that image and records it here, so a
 * run can say exactly which images it left out (CoBooM's loader skips silently; we do not).
 * A skip policy is thread-safe and is meant to live as long as one pass over a dataset.
 */
public final class BadImagePolicy {

    /** An image left out and why. */
    public record Skipped(Path path, String reason) {
    }

    private final boolean skip;
    private final List<Skipped> skipped = new ArrayList<>();

    private BadImagePolicy(boolean skip) {
        this.skip = skip;
    }

    /** Stop at the first bad image (an error naming it). */
    public static BadImagePolicy fail() {
        return new BadImagePolicy(false);
    }

    /** Leave bad images out and record them. */
    public static BadImagePolicy skip() {
        return new BadImagePolicy(true);
    }

    /** Parses {@code fail} or {@code skip}, as typed on a command line. */
    public static BadImagePolicy parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail" -> fail();
            case "skip" -> skip();
            default -> throw new io.cobench.cli.UserError("bad-image policy '" + s + "': expected fail or skip");
        };
    }

    public boolean skips() {
        return skip;
    }

    synchronized void record(Path path, String reason) {
        skipped.add(new Skipped(path, reason));
    }

    /** The images skipped so far, in the order they were met. */
    public synchronized List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public String toString() {
        return skip ? "skip" : "fail";
    }
}
