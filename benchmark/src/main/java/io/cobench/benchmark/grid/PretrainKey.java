package io.cobench.benchmark.grid;

/**
 * One pretrained encoder: a method preset on a domain with a seed. It is the unit that shards
 * share out, so that no two machines pretrain the same encoder.
 */
public record PretrainKey(String method, Domain domain, int seed) {

    /** Directory name under {@code STORE/pretrain/}, e.g. {@code coboom__chest__s0}. */
    public String runId() {
        return method + "__" + domain.key() + "__s" + seed;
    }
}
