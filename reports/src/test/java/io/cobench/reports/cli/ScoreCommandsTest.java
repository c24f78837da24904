package io.cobench.reports.cli;

import io.cobench.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.io.Json;
import io.cobench.reports.StoreFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandsTest {

    @TempDir
    Path tmp;

    private Path file(String name, String content) {
        Path p = tmp.resolve(name);
        StoreFixture.write(p, content);
        return p;
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return Json.JSON.readTree(r.out());
    }

    @Test
    void aucPerClassAndMeanMatchedById() throws IOException {
        // Class A: positives s1 (0.35), s3 (0.8); negatives s0 (0.1), s2 (0.4) -> 0.75.
        // Class B: positive s2 (0.5), negatives 0.5, 0.5, 0.2 -> (0.5 + 0.5 + 1) / 3.
        // Class C: no positives -> undefined, left out of the mean.
        Path p = file("p.csv", "id,A,B,C\ns0,0.1,0.5,0.3\ns1,0.35,0.5,0.2\ns2,0.4,0.5,0.9\ns3,0.8,0.2,0.1\n");
        Path l = file("l.csv", "id,A,B,C\ns3,1,0,0\ns2,0,1,0\ns1,1,0,0\ns0,0,0,0\n");
        JsonNode j = json(CliRun.run("score", "auc", "--predictions", p.toString(), "--labels", l.toString(),
                "--json"));
        assertEquals(4, j.get("samples").asInt());
        assertEquals(0.75, j.get("per_class").get(0).get("auc").asDouble(), 1e-15);
        assertEquals(2.0 / 3, j.get("per_class").get(1).get("auc").asDouble(), 1e-15);
        assertTrue(j.get("per_class").get(2).get("auc").isNull());
        assertEquals(0, j.get("per_class").get(2).get("positives").asInt());
        assertEquals((0.75 + 2.0 / 3) / 2, j.get("mean").asDouble(), 1e-15);
        assertEquals("C", j.get("undefined").get(0).asText());

        CliRun text = CliRun.run("score", "auc", "--predictions", p.toString(), "--labels", l.toString());
        assertEquals(0, text.code());
        assertTrue(text.out().contains("A         0.7500          2          2"), text.out());
        assertTrue(text.out().contains("C      undefined          0          4"), text.out());
        assertTrue(text.out().contains("mean      0.7083  (2 of 3 classes, 4 samples)"), text.out());
        assertTrue(text.out().contains("note: AUC undefined (labels hold one value only), left out of the mean: [C]"));
    }

    @Test
    void aucHeaderMismatchNamesFilesAndColumns() {
        Path p = file("p.csv", "id,A,B\ns0,0.1,0.2\n");
        Path l = file("l.csv", "id,A,C\ns0,1,0\n");
        CliRun r = CliRun.run("score", "auc", "--predictions", p.toString(), "--labels", l.toString());
        assertEquals(2, r.code());
        assertEquals("error: headers differ between " + p + " and " + l + ": column 3 is 'B' in p.csv but 'C' in l.csv; "
                + "only in p.csv: [B]; only in l.csv: [C]", r.err().trim());
    }

    @Test
    void aucMissingIdsAreNamed() {
        Path p = file("p.csv", "id,A\ns0,0.1\ns1,0.2\ns2,0.3\n");
        Path l = file("l.csv", "id,A\ns0,1\ns9,0\n");
        CliRun r = CliRun.run("score", "auc", "--predictions", p.toString(), "--labels", l.toString());
        assertEquals(2, r.code());
        assertEquals("error: sample ids differ between " + p + " and " + l + ": 2 id(s) missing from l.csv, first s1, s2; "
                + "1 id(s) missing from p.csv, first s9", r.err().trim());
    }

    @Test
    void aucBadValuesNameFileLineAndColumn() {
        Path p = file("p.csv", "id,A\ns0,0.1\ns1,high\n");
        Path l = file("l.csv", "id,A\ns0,1\ns1,0\n");
        CliRun r = CliRun.run("score", "auc", "--predictions", p.toString(), "--labels", l.toString());
        assertEquals("error: " + p + ":3: column 'A' holds 'high', expected a finite number", r.err().trim());
        Path p2 = file("p2.csv", "id,A\ns0,0.1\ns1,0.2\n");
        Path l2 = file("l2.csv", "id,A\ns0,1\ns1,0.5\n");
        r = CliRun.run("score", "auc", "--predictions", p2.toString(), "--labels", l2.toString());
        assertEquals("error: " + l2 + ":3: column 'A' holds 0.5, a label must be 0 or 1", r.err().trim());
        Path dup = file("dup.csv", "id,A\ns0,0.1\ns0,0.2\n");
        r = CliRun.run("score", "auc", "--predictions", dup.toString(), "--labels", l2.toString());
        assertEquals("error: " + dup + ":3: sample id 's0' appears again (first on line 2)", r.err().trim());
        Path ragged = file("ragged.csv", "id,A\ns0,0.1,0.3\n");
        r = CliRun.run("score", "auc", "--predictions", ragged.toString(), "--labels", l2.toString());
        assertEquals("error: " + ragged + ":2: expected 2 fields as in the header, found 3", r.err().trim());
    }

    private void mask(Path dir, String name, int[][] px) throws IOException {
        BufferedImage img = new BufferedImage(px[0].length, px.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < px.length; y++) {
            for (int x = 0; x < px[0].length; x++) {
                img.getRaster().setSample(x, y, 0, px[y][x]);
            }
        }
        Files.createDirectories(dir);
        ImageIO.write(img, "png", dir.resolve(name).toFile());
    }

    @Test
    void dicePerImageMeanAndPooled() throws IOException {
        Path pred = tmp.resolve("pred");
        Path truth = tmp.resolve("truth");
        // a: prediction 2 pixels (255 and 128, both above half scale), truth 2, overlap 1 -> 0.5.
        mask(pred, "a.png", new int[][] {{255, 128}, {0, 127}});
        mask(truth, "a.png", new int[][] {{255, 0}, {255, 0}});
        // b: both empty -> 1.   c: truth empty, one false-positive pixel -> 0.
        mask(pred, "b.png", new int[][] {{0, 0}, {0, 0}});
        mask(truth, "b.png", new int[][] {{0, 0}, {0, 0}});
        mask(pred, "c.png", new int[][] {{0, 0}, {0, 200}});
        mask(truth, "c.png", new int[][] {{0, 0}, {0, 0}});
        JsonNode j = json(CliRun.run("score", "dice", "--predictions", pred.toString(), "--truth", truth.toString(),
                "--json"));
        assertEquals(3, j.get("images").asInt());
        assertEquals("a.png", j.get("per_image").get(0).get("id").asText());
        assertEquals(0.5, j.get("per_image").get(0).get("dice").asDouble(), 0);
        assertEquals(1.0, j.get("per_image").get(1).get("dice").asDouble(), 0);
        assertEquals(0.0, j.get("per_image").get(2).get("dice").asDouble(), 0);
        assertEquals(0.5, j.get("mean").asDouble(), 1e-15);
        assertEquals(0.4, j.get("pooled").asDouble(), 1e-15); // 2 x 1 / (3 + 2)
        // Only a has foreground: positives-only Dice 0.5; an all-empty prediction scores 1 on b and c.
        assertEquals(1, j.get("positives").asInt());
        assertEquals(0.5, j.get("mean_positives").asDouble(), 0);
        assertEquals(2.0 / 3, j.get("empty_floor").asDouble(), 1e-15);
        CliRun text = CliRun.run("score", "dice", "--predictions", pred.toString(), "--truth", truth.toString());
        assertTrue(text.out().contains("mean    0.5000  (3 images)"), text.out());
        assertTrue(text.out().contains("pooled   0.4000"), text.out());
        assertTrue(text.out().contains("positives   0.5000  (images with foreground: 1)"), text.out());
        assertTrue(text.out().contains("floor   0.6667  (mean Dice of an all-empty prediction)"), text.out());
    }

    @Test
    void diceErrorsNameTheFiles() throws IOException {
        Path pred = tmp.resolve("pred");
        Path truth = tmp.resolve("truth");
        mask(pred, "a.png", new int[][] {{0}});
        mask(pred, "b.png", new int[][] {{0}});
        mask(truth, "a.png", new int[][] {{0, 0}});
        mask(truth, "z.png", new int[][] {{0}});
        CliRun r = CliRun.run("score", "dice", "--predictions", pred.toString(), "--truth", truth.toString());
        assertEquals(2, r.code());
        assertEquals("error: mask files differ between " + pred + " and " + truth + ": 1 missing from " + pred
                + ", first z.png; 1 missing from " + truth + ", first b.png", r.err().trim());
        Files.delete(pred.resolve("b.png"));
        Files.delete(truth.resolve("z.png"));
        r = CliRun.run("score", "dice", "--predictions", pred.toString(), "--truth", truth.toString());
        assertEquals("error: a.png: prediction is 1x1 but truth is 2x1", r.err().trim());
    }

    @Test
    void ttestOnTheSleepData() throws IOException {
        double[] d1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] d2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        StringBuilder a = new StringBuilder("id,value\n");
        StringBuilder b = new StringBuilder("id,value\n");
        for (int i = 0; i < 10; i++) {
            a.append("p").append(i).append(',').append(d1[i]).append('\n');
            b.append("p").append(9 - i).append(',').append(d2[9 - i]).append('\n'); // other order: paired by id
        }
        Path fa = file("a.csv", a.toString());
        Path fb = file("b.csv", b.toString());
        JsonNode j = json(CliRun.run("score", "ttest", "--a", fa.toString(), "--b", fb.toString(), "--json"));
        assertEquals(10, j.get("n").asInt());
        assertEquals(9, j.get("df").asInt());
        assertEquals(-4.0621, j.get("t").asDouble(), 5e-5);
        assertEquals(0.002833, j.get("p").asDouble(), 5e-7);
        CliRun text = CliRun.run("score", "ttest", "--a", fa.toString(), "--b", fb.toString());
        assertTrue(text.out().contains("t = -4.0621, two-sided p = 0.002833"), text.out());
    }

    @Test
    void ttestErrors() {
        Path a = file("a.csv", "id,value\nx,1\ny,2\n");
        Path b = file("b.csv", "id,value\nx,1\nz,2\n");
        CliRun r = CliRun.run("score", "ttest", "--a", a.toString(), "--b", b.toString());
        assertEquals(2, r.code());
        assertEquals("error: ids differ between " + a + " and " + b + ": 1 only in a.csv, first y; 1 only in b.csv, first z",
                r.err().trim());
        Path three = file("three.csv", "id,value,extra\nx,1,2\n");
        r = CliRun.run("score", "ttest", "--a", three.toString(), "--b", b.toString());
        assertEquals("error: " + three + ": expected two columns (id,value), header is [id, value, extra]", r.err().trim());
        Path one = file("one.csv", "id,value\nx,1\n");
        Path oneB = file("oneb.csv", "id,value\nx,3\n");
        r = CliRun.run("score", "ttest", "--a", one.toString(), "--b", oneB.toString());
        assertEquals("error: a paired t-test needs at least 2 pairs; " + one + " and " + oneB + " share 1", r.err().trim());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"report", "--help"}, {"score", "auc", "--help"}, {"score", "dice", "--help"},
                {"score", "ttest", "--help"}}) {
            CliRun r = CliRun.run(cmd);
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Usage: cobench "), r.out());
        }
    }
}
