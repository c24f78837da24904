package io.cobench.data.pipeline;

/**
 * Decoded, resized images addressed by position; what a batch source reads from. The
 * {@link ImageCache} is the real one; tests use in-memory lists.
 */
public interface ImageStore {
    int count();

    String id(int index);

    /** Image {@code index}; safe to call from several threads. Callers must not modify its pixels. */
    ImageU8 image(int index);

    /** Images in memory, for tests and small jobs. */
    static ImageStore of(java.util.List<ImageU8> images) {
        java.util.List<ImageU8> copy = java.util.List.copyOf(images);
        return new ImageStore() {
            @Override
            public int count() {
                return copy.size();
            }

            @Override
            public String id(int index) {
                return copy.get(index).id();
            }

            @Override
            public ImageU8 image(int index) {
                return copy.get(index);
            }
        };
    }
}
