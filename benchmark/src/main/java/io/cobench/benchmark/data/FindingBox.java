package io.cobench.benchmark.data;

/**
 * A bounding box of a finding on an image (BBox_List_2017.csv), in the pixels of the image as the
 * protocols see it (already scaled from the 1024-pixel originals).
 *
 * @param x left column
 * @param y top row
 */
public record FindingBox(String imageId, String finding, double x, double y, double w, double h) {

    /** Whether pixel (row, col), taken as its centre point, lies inside. */
    public boolean contains(int row, int col) {
        double cx = col + 0.5;
        double cy = row + 0.5;
        return cx >= x && cx <= x + w && cy >= y && cy <= y + h;
    }
}
