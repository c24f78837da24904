package io.cobench.data.check;

import io.cobench.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.data.RealMetadata;
import io.cobench.data.TestImages;
import io.cobench.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cobench data check} driven in-process, on the real metadata and on small trees. */
@Tag("slow")
class DataCheckCommandTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void nihOnRealMetadataWithAgainstTestAsJson() throws Exception {
        Path root = RealMetadata.dir();
        CliRun r = run("data", "check", "nih", "--data-root", root.toString(), "--json",
                "--against-test", root.resolve("coboom-pretrain-list.txt").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.JSON.readTree(r.out());
        assertEquals(112_120, j.at("/images/listed").asInt());
        assertEquals(0, j.at("/images/found").asInt());
        assertEquals(112_120, j.at("/images/missing").asInt());
        assertEquals("00000001_000.png", j.at("/images/missingExamples/0").asText());
        assertEquals(5, j.at("/images/missingExamples").size());
        assertEquals(86_524, j.at("/splits/train_val/images").asInt());
        assertEquals(25_596, j.at("/splits/test/images").asInt());
        assertEquals(0, j.at("/sharedPatients/train_val|test").asInt());
        assertEquals(60_361, j.at("/labelCounts/No Finding").asInt());
        assertEquals(984, j.at("/boxes/boxes").asInt());
        assertEquals(880, j.at("/boxes/images").asInt());
        assertEquals(0, j.at("/boxes/imagesNotInTest").asInt());
        assertEquals(78_468, j.at("/againstTest/listed").asInt());
        assertEquals(17_920, j.at("/againstTest/inTest").asInt());
        assertEquals(1_901, j.at("/againstTest/patientsInTest").asInt());
        assertTrue(j.at("/siim").isMissingNode());
    }

    @Test
    void siimOnRealMetadataAsTextAndJson() throws Exception {
        Path root = RealMetadata.dir();
        CliRun text = run("data", "check", "siim", "--data-root", root.toString(), "--examples", "2");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("images: 12,047 listed, 0 found, 12,047 missing"), text.out());
        assertTrue(text.out().contains("masks: 12,954 rows, 12,047 unique images, 2,669 positive, 9,378 negative"),
                text.out());
        assertTrue(text.out().contains("624 images with more than one region, 38,250,469 mask pixels"), text.out());
        assertTrue(text.out().contains("missing, e.g.: 1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819, "
                + "1.2.276.0.7230010.3.1.4.8323329.13666.1517875247.117800\n"), text.out());
        CliRun json = run("data", "check", "siim", "--data-root", root.toString(), "--json");
        JsonNode j = Json.JSON.readTree(json.out());
        assertEquals(2_669, j.at("/siim/positives").asInt());
        assertEquals(9_378, j.at("/siim/negatives").asInt());
        assertEquals(4_270, j.at("/splits/train/images").asInt());
        assertEquals(1_068, j.at("/splits/val/images").asInt());
    }

    @Test
    void muredTreeAsText() {
        TestImages.write(TestImages.rgb(4, 4, 1), "png", tmp.resolve("images/images/4.png"));
        String header = "ID,DR,NORMAL,MH,ODC,TSLN,ARMD,DN,MYA,BRVO,ODP,CRVO,CNV,RS,ODE,LS,CSR,HTR,ASR,CRS,OTHER\n";
        TestImages.text(tmp.resolve("train_data.csv"), header + "4,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n"
                + "im0007,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1\n");
        TestImages.text(tmp.resolve("val_data.csv"), header + "9,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
        CliRun r = run("data", "check", "mured", "--data-root", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("images: 3 listed, 1 found, 2 missing"), r.out());
        assertTrue(r.out().contains("missing, e.g.: im0007, 9"), r.out());
        assertTrue(r.out().contains("patients shared train / val: 0"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  DR +2 +2 +0\\n.*"), r.out());
    }

    @Test
    void misusedFlagsAndUnknownDatasetsAreOneLineErrors() {
        CliRun unknown = run("data", "check", "chexpert", "--data-root", tmp.toString());
        assertEquals(2, unknown.code());
        assertEquals("error: unknown dataset 'chexpert'; expected one of [nih, siim, eyepacs, mured, odir]\n",
                unknown.err());
        CliRun masks = run("data", "check", "eyepacs", "--data-root", tmp.toString(), "--export-masks", tmp.toString());
        assertEquals(2, masks.code());
        assertTrue(masks.err().contains("--export-masks writes SIIM masks"), masks.err());
        CliRun noRoot = run("data", "check", "nih", "--data-root", tmp.resolve("absent").toString());
        assertEquals(2, noRoot.code());
        assertEquals("error: " + tmp.resolve("absent") + ": not a directory\n", noRoot.err());
        CliRun noLabels = run("data", "check", "nih", "--data-root", tmp.toString());
        assertEquals(2, noLabels.code());
        assertTrue(noLabels.err().contains("no NIH label file (Data_Entry_2017_v2020.csv or Data_Entry_2017.csv)"),
                noLabels.err());
    }

    @Test
    void zeroByteTruncatedAndHtmlImagesAreFoundButUnreadableAndTheCheckFails() throws Exception {
        TestImages.write(TestImages.rgb(64, 48, 1), "jpeg", tmp.resolve("train/1_left.jpeg"));
        java.nio.file.Files.write(tmp.resolve("train/1_right.jpeg"), new byte[0]);
        Path whole = TestImages.write(TestImages.rgb(64, 48, 2), "jpeg", tmp.resolve("whole.jpeg"));
        byte[] b = java.nio.file.Files.readAllBytes(whole);
        java.nio.file.Files.write(tmp.resolve("train/2_left.jpeg"), java.util.Arrays.copyOf(b, b.length / 2));
        TestImages.text(tmp.resolve("train/2_right.jpeg"), "<!DOCTYPE html><html><body>Please sign in</body></html>");
        TestImages.text(tmp.resolve("trainLabels.csv"), "image,level\n1_left,0\n1_right,1\n2_left,2\n2_right,0\n3_left,4\n");
        CliRun r = run("data", "check", "eyepacs", "--data-root", tmp.toString(), "--no-progress", "--examples", "5");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("images: 5 listed, 4 found, 1 missing"), r.out());
        assertTrue(r.out().contains("  decoded: 3 of 4 found images unreadable"), r.out());
        assertTrue(r.out().contains("  unreadable: " + tmp.resolve("train/1_right.jpeg") + ": "), r.out());
        assertTrue(r.out().contains("  unreadable: " + tmp.resolve("train/2_left.jpeg") + ": "), r.out());
        assertTrue(r.out().contains("  unreadable: " + tmp.resolve("train/2_right.jpeg") + ": not a known image format"),
                r.out());
        assertTrue(!r.out().contains("1_left.jpeg:"), r.out());
        JsonNode j = Json.JSON.readTree(run("data", "check", "eyepacs", "--data-root", tmp.toString(), "--json",
                "--no-progress").out());
        assertEquals(3, j.at("/images/unreadable").asInt());
        CliRun quick = run("data", "check", "eyepacs", "--data-root", tmp.toString(), "--no-decode");
        assertEquals(0, quick.code(), quick.err());
        assertTrue(quick.out().contains("  not decoded (--no-decode)"), quick.out());
    }

    @Test
    void oneDataRootOptionWithTheOldSpellingDeprecated() {
        TestImages.text(tmp.resolve("trainLabels.csv"), "image,level\n1_left,0\n");
        CliRun named = run("data", "check", "eyepacs", "--data-root", "eyepacs=" + tmp, "--no-decode");
        assertEquals(0, named.code(), named.err());
        assertTrue(named.out().contains("images: 1 listed, 0 found, 1 missing"), named.out());
        CliRun old = run("data", "check", "eyepacs", "--root", tmp.toString(), "--no-decode");
        assertEquals(0, old.code(), old.err());
        assertEquals("warning: --root is deprecated; use --data-root\n", old.err());
        CliRun both = run("data", "check", "eyepacs", "--root", tmp.toString(), "--data-root", tmp.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --data-root once (--root is its deprecated spelling), not both"), both.err());
        CliRun other = run("data", "check", "eyepacs", "--data-root", "nih=" + tmp);
        assertEquals(2, other.code());
        assertTrue(other.err().contains("names nih, but this command reads eyepacs"), other.err());
        CliRun none = run("data", "check", "eyepacs");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("missing --data-root [NAME=]DIR"), none.err());
    }
}
