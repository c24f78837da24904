package io.cobench.data.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cobench.data.nih.NihLists;
import java.util.List;
import java.util.Map;

/**
 * What {@code cobench data check} found, printed as text or JSON. Sections that do not apply to
 * a dataset are null and left out of the JSON.
 *
 * @param labelCounts positives per class over all labelled images
 * @param sharedPatients patients found in both splits of each pair, keyed {@code "a|b"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckReport(String dataset, String root, List<String> classes, Images images,
                          Map<String, Integer> labelCounts, Map<String, Split> splits,
                          Map<String, Integer> sharedPatients, Boxes boxes, Siim siim,
                          NihLists.TestOverlap againstTest, MaskExport maskExport) {

    /**
     * Listed images, which of them are on disk, and which of those do not decode (null when the
     * check did not decode, {@code --no-decode}).
     *
     * @param unreadableExamples {@code "<file>: <reason>"} for the first unreadable images
     */
    public record Images(int listed, int found, int missing, List<String> missingExamples, Integer unreadable,
                         List<String> unreadableExamples) {
        /** True when every image on disk decoded (or decoding was not asked for). */
        public boolean allReadable() {
            return unreadable == null || unreadable == 0;
        }
    }

    /** One split: its images, distinct patients and positives per class. */
    public record Split(int images, int patients, Map<String, Integer> labelCounts) {
    }

    /**
     * NIH bounding boxes: counts, per finding, and how many boxed images lie outside the test
     * split (null without the official split).
     */
    public record Boxes(int boxes, int images, int multiBoxImages, Map<String, Integer> perFinding,
                        Integer imagesNotInTest) {
    }

    /** SIIM mask file figures; mask pixels are counted on the union of each image's regions. */
    public record Siim(int rows, int uniqueImages, int positives, int negatives, int multiRegionImages,
                       long totalMaskPixels, int maskFilesFound) {
    }

    /** Masks written by {@code --export-masks}. */
    public record MaskExport(String dir, int written) {
    }
}
