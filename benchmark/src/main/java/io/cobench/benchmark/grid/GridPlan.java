package io.cobench.benchmark.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a grid in a fixed order, grouped by the encoder they evaluate. An encoder and
 * all its cells form one unit of work: a shard takes whole units, so every encoder is pretrained
 * by exactly one machine and its extracted features are reused by all its cells.
 */
public final class GridPlan {
    /** Relative costs, measured on the CPU demo; they only balance shards and weight the ETA. */
    static final double COST_PRETRAIN = 12;
    static final double COST_LINEAR = 0.6;
    static final double COST_FINETUNE = 4;
    static final double COST_SEG_LINEAR = 3;
    static final double COST_SEG_FINETUNE = 5;

    private final Map<PretrainKey, List<Cell>> units;

    private GridPlan(Map<PretrainKey, List<Cell>> units) {
        this.units = units;
    }

    /**
     * Enumerates every cell: unit by unit (method, then domain, then seed, in config order), and
     * inside a unit by protocol, dataset (table order) and fraction.
     */
    public static GridPlan of(GridConfig cfg) {
        Map<PretrainKey, List<Cell>> units = new LinkedHashMap<>();
        for (String method : cfg.methods()) {
            for (Domain domain : Domain.values()) {
                for (int seed : cfg.seeds()) {
                    List<Cell> cells = new ArrayList<>();
                    for (String p : cfg.protocols()) {
                        for (Downstream d : cfg.downstreams()) {
                            if (d.domain() != domain) {
                                continue;
                            }
                            for (int f : cfg.datasets().get(d.key()).stream().distinct().sorted().toList()) {
                                cells.add(new Cell(Protocol.parse(p), d, f, method, seed));
                            }
                        }
                    }
                    if (!cells.isEmpty()) {
                        units.put(new PretrainKey(method, domain, seed), List.copyOf(cells));
                    }
                }
            }
        }
        return new GridPlan(units);
    }

    public List<PretrainKey> units() {
        return List.copyOf(units.keySet());
    }

    public List<Cell> cells(PretrainKey unit) {
        return units.getOrDefault(unit, List.of());
    }

    public List<Cell> cells() {
        return units.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The units of shard {@code s}: longest-processing-time-first over the estimated costs, ties
     * broken by run id, so the split depends on the grid alone and every unit lands in exactly
     * one shard.
     */
    public GridPlan shard(Shard s) {
        if (s.count() == 1) {
            return this;
        }
        List<PretrainKey> order = new ArrayList<>(units.keySet());
        order.sort(Comparator.comparingDouble((PretrainKey k) -> -cost(k)).thenComparing(PretrainKey::runId));
        double[] load = new double[s.count()];
        Map<PretrainKey, Integer> owner = new LinkedHashMap<>();
        for (PretrainKey k : order) {
            int best = 0;
            for (int i = 1; i < load.length; i++) {
                if (load[i] < load[best] - 1e-9) {
                    best = i;
                }
            }
            owner.put(k, best);
            load[best] += cost(k);
        }
        Map<PretrainKey, List<Cell>> mine = new LinkedHashMap<>();
        units.forEach((k, cells) -> {
            if (owner.get(k) == s.index() - 1) {
                mine.put(k, cells);
            }
        });
        return new GridPlan(mine);
    }

    /** Estimated cost of a unit: its pretraining plus its cells. */
    public double cost(PretrainKey k) {
        // Methods that do not pretrain are costed as if they did: the plan must not depend on the registry.
        double c = COST_PRETRAIN;
        for (Cell cell : cells(k)) {
            c += cost(cell);
        }
        return c;
    }

    public static double costPretrain() {
        return COST_PRETRAIN;
    }

    public static double cost(Cell c) {
        boolean seg = c.dataset().task() == Downstream.Task.SEGMENTATION;
        if (c.protocol() == Protocol.LINEAR) {
            return seg ? COST_SEG_LINEAR : COST_LINEAR;
        }
        return seg ? COST_SEG_FINETUNE : COST_FINETUNE;
    }
}
