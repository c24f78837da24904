package io.cobench.benchmark.grid;

import io.cobench.cli.UserError;

/**
 * The k-th of n deterministic slices of a grid ({@code --shard k/n}, k counted from 1).
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UserError("shard must be k/n with 1 <= k <= n, got " + index + "/" + count);
        }
    }

    /** Parses {@code "k/n"}. */
    public static Shard parse(String s) {
        String[] parts = s.trim().split("/");
        if (parts.length != 2) {
            throw new UserError("shard must be written k/n (e.g. 2/8), got '" + s + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new UserError("shard must be written k/n with integers (e.g. 2/8), got '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
