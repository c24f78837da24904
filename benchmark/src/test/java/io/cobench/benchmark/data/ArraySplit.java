package io.cobench.benchmark.data;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A split held in memory: the right size for the CPU-scale grids (a few hundred 32-pixel images).
 *
 * @param images [n, channels, size, size], normalised
 * @param labels [n][classes], or null for segmentation
 * @param masks [n, 1, size, size] 0/1, or null for classification
 */
public record ArraySplit(List<String> ids, INDArray images, float[][] labels, INDArray masks) implements Split {
    public ArraySplit {
        ids = List.copyOf(ids);
        if (images.size(0) != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + images.size(0) + " images");
        }
        if (labels != null && labels.length != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + labels.length + " label rows");
        }
        if (masks != null && masks.size(0) != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + masks.size(0) + " masks");
        }
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public String id(int i) {
        return ids.get(i);
    }

    @Override
    public float[] labels(int i) {
        if (labels == null) {
            throw new UnsupportedOperationException("this split has masks, not labels");
        }
        return labels[i];
    }

    @Override
    public INDArray images(int[] rows) {
        return pick(images, rows);
    }

    @Override
    public INDArray masks(int[] rows) {
        if (masks == null) {
            throw new UnsupportedOperationException("this split has labels, not masks");
        }
        return pick(masks, rows);
    }

    /** The rows of a subset, as a new split (labelled subsets of a pool). */
    public ArraySplit subset(int[] rows) {
        List<String> sub = new java.util.ArrayList<>(rows.length);
        float[][] lab = labels == null ? null : new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            sub.add(ids.get(rows[i]));
            if (lab != null) {
                lab[i] = labels[rows[i]];
            }
        }
        return new ArraySplit(sub, pick(images, rows), lab, masks == null ? null : pick(masks, rows));
    }

    private static INDArray pick(INDArray a, int[] rows) {
        if (rows.length == 0) {
            long[] shape = a.shape().clone();
            shape[0] = 0;
            return Nd4j.create(a.dataType(), shape);
        }
        return Nd4j.pullRows(a.reshape(a.size(0), -1), 1, rows).reshape(rowsShape(a, rows.length));
    }

    private static long[] rowsShape(INDArray a, int n) {
        long[] shape = a.shape().clone();
        shape[0] = n;
        return shape;
    }
}
