package io.cobench.benchmark.grid;

/**
 * One evaluation of the grid: a method's encoder, evaluated with one protocol on one dataset at
 * one label fraction with one seed.
 *
 * @param fraction percent of the labelled training set (100 = All)
 */
public record Cell(Protocol protocol, Downstream dataset, int fraction, String method, int seed) {

    /** {@code <protocol>__<dataset>__f<fraction>__<method>__s<seed>}, the store's directory name. */
    public String id() {
        return protocol.key() + "__" + dataset.key() + "__f" + fraction + "__" + method + "__s" + seed;
    }

    /** The encoder this cell evaluates. */
    public PretrainKey pretrain() {
        return new PretrainKey(method, dataset.domain(), seed);
    }

    @Override
    public String toString() {
        return id();
    }
}
