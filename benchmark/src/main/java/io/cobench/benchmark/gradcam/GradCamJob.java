package io.cobench.benchmark.gradcam;

import io.cobench.benchmark.data.FindingBox;
import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.protocol.LinearProbe;
import io.cobench.benchmark.store.CellWriter;
import io.cobench.benchmark.store.ResultsStore;
import io.cobench.cli.UserError;
import io.cobench.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM of one method's classifier on NIH's boxed test images: overlays under
 * {@code gradcam/<method>/<class>/<image-id>.png}, the method's pointing-game scores in
 * {@code gradcam/<method>/pointing.csv}, DONE last; and {@code gradcam/pointing.csv} over all
 * finished methods.
 */
public final class GradCamJob {
    static final int ZOOM = 4;

    private GradCamJob() {
    }

    /** Explains {@code classes}; returns one score per class. */
    public static List<PointingGame.Score> run(String method, DownstreamData nih, GradCam cam, EncoderWeights encoder,
                                               LinearProbe.Head head, List<String> classes, int maxImages,
                                               Path gradcamRoot) {
        Path dir = gradcamRoot.resolve(method);
        ResultsStore.begin(dir);
        cam.use(encoder, head);
        Split test = nih.test();
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < test.size(); i++) {
            rowOf.put(test.id(i), i);
        }
        List<PointingGame.Score> scores = new ArrayList<>();
        for (String finding : classes) {
            int c = nih.classes().indexOf(finding);
            if (c < 0) {
                throw new UserError("gradcam.classes: '" + finding + "' is not a class of " + nih.dataset().display()
                        + " (classes: " + nih.classes() + ")");
            }
            TreeMap<String, List<FindingBox>> byImage = new TreeMap<>();
            for (FindingBox b : nih.boxes()) {
                if (b.finding().equals(finding) && rowOf.containsKey(b.imageId())) {
                    byImage.computeIfAbsent(b.imageId(), k -> new ArrayList<>()).add(b);
                }
            }
            List<String> ids = new ArrayList<>(byImage.keySet());
            if (maxImages > 0 && ids.size() > maxImages) {
                ids = ids.subList(0, maxImages);
            }
            int[] rows = ids.stream().mapToInt(rowOf::get).toArray();
            INDArray maps = rows.length == 0 ? null : cam.maps(test, rows, c);
            int images = 0;
            int hits = 0;
            for (int k = 0; k < rows.length; k++) {
                var e = java.util.Map.entry(ids.get(k), byImage.get(ids.get(k)));
                int row = rows[k];
                INDArray m = maps.slice(k);
                Heatmap map = Heatmap.upsample(m.reshape(maps.size(1), maps.size(2)), cam.encoder().imageSize());
                boolean hit = PointingGame.hit(map, e.getValue());
                images++;
                hits += hit ? 1 : 0;
                var img = Overlay.render(test.images(new int[] {row}).slice(0), map, e.getValue(), ZOOM);
                Path png = dir.resolve(CellWriter.safeName(finding)).resolve(stem(e.getKey()) + ".png");
                AtomicFiles.write(png, o -> {
                    if (!ImageIO.write(img, "png", o)) {
                        throw new IOException("no PNG writer");
                    }
                });
            }
            scores.add(new PointingGame.Score(method, finding, images, hits));
        }
        AtomicFiles.writeString(dir.resolve("pointing.csv"), csv(scores, false));
        ResultsStore.finish(dir);
        collect(gradcamRoot);
        return scores;
    }

    /** Rewrites {@code gradcam/pointing.csv} from every finished method's file, unless it already says that. */
    public static void collect(Path gradcamRoot) {
        if (!Files.isDirectory(gradcamRoot)) {
            return;
        }
        StringBuilder sb = new StringBuilder("method,class,images,hits,score\n");
        try (Stream<Path> dirs = Files.list(gradcamRoot)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!ResultsStore.isDone(d)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(d.resolve("pointing.csv"));
                for (String l : lines.subList(1, lines.size())) {
                    sb.append(d.getFileName()).append(',').append(l).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not collect pointing-game scores under " + gradcamRoot, e);
        }
        Path all = gradcamRoot.resolve("pointing.csv");
        try {
            // A finished store may sit on a read-only disk: with nothing new, nothing is written.
            if (Files.isRegularFile(all) && Files.readString(all).equals(sb.toString())) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + all, e);
        }
        AtomicFiles.writeString(all, sb.toString());
    }

    private static String csv(List<PointingGame.Score> scores, boolean withMethod) {
        StringBuilder sb = new StringBuilder(withMethod ? "method," : "").append("class,images,hits,score\n");
        for (PointingGame.Score s : scores) {
            if (withMethod) {
                sb.append(s.method()).append(',');
            }
            sb.append(s.finding()).append(',').append(s.images()).append(',').append(s.hits()).append(',')
                    .append(s.images() == 0 ? "" : String.format(Locale.ROOT, "%.6f", s.value())).append('\n');
        }
        return sb.toString();
    }

    /** NIH ids are file names; the overlay is {@code <image-id>.png} without a doubled extension. */
    static String stem(String id) {
        String safe = CellWriter.safeName(id);
        return safe.toLowerCase(Locale.ROOT).endsWith(".png") ? safe.substring(0, safe.length() - 4) : safe;
    }
}
