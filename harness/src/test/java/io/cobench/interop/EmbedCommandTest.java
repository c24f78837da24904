package io.cobench.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import io.cobench.data.TestImages;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine;

/** export and embed on the command line, against the same encoder driven directly. */
@Tag("slow")
class EmbedCommandTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Cobench.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.getSubcommands().values().forEach(c -> c.setErr(new PrintWriter(err, true)));
        return cl.execute(args);
    }

    @Test
    void exportWritesTheTorchNamedWeightsOfTheRun() {
        ResNetConfig cfg = new ResNetConfig(18, 4, 3, 32);
        SameDiff sd = TestRuns.randomEncoder(cfg, 11);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, sd);
        Path out = tmp.resolve("out/e.npz");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "export", "--run", runDir.toString(), "--out", out.toString()), err.toString());
        Map<String, INDArray> want = TorchNames.toTorch(TestRuns.weights(sd), cfg, "test");
        Map<String, INDArray> got = Npz.read(out);
        assertEquals(want.keySet(), got.keySet());
        want.forEach((k, v) -> assertEquals(v, got.get(k), k));
    }

    @Test
    void embedInputWritesFeaturesOfEveryRowInBatches() throws Exception {
        ResNetConfig cfg = new ResNetConfig(18, 4, 3, 32);
        SameDiff sd = TestRuns.randomEncoder(cfg, 12);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, sd);
        INDArray x = TestRuns.input(cfg, 5, 3);
        Path in = tmp.resolve("x.npy");
        Nd4j.writeAsNumpy(x, in.toFile());
        Path out = tmp.resolve("f.npy");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "embed", "--run", runDir.toString(), "--input", in.toString(), "--out",
                out.toString(), "--batch", "2"), err.toString());
        INDArray f = Nd4j.createFromNpyFile(out.toFile());
        assertArrayEquals(new long[] {5, 32}, f.shape());
        // the command ran batches of 2, 2 and 1; the same batches through the encoder directly
        Embedder e = new Embedder(cfg, TestRuns.weights(sd));
        INDArray want = Nd4j.concat(0, e.embed(rows(x, 0, 2)), e.embed(rows(x, 2, 4)), e.embed(rows(x, 4, 5)));
        assertEquals(want, f);
        assertFalse(Files.exists(EmbedCommand.idsFile(out)), "--input has no ids to write");
    }

    @Test
    void embedImagesNormalisesAsTheRunDidAndWritesIdsInRowOrder() throws Exception {
        ResNetConfig cfg = new ResNetConfig(18, 4, 1, 32);
        SameDiff sd = TestRuns.randomEncoder(cfg, 13);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, sd);
        Path dir = tmp.resolve("imgs");
        TestImages.write(TestImages.grey(32, 32, 40), "png", dir.resolve("b.png"));
        TestImages.write(TestImages.grey(32, 32, 7), "png", dir.resolve("a.png"));
        TestImages.write(TestImages.grey(32, 32, 90), "png", dir.resolve("sub/c.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path out = tmp.resolve("g.npy");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "embed", "--run", runDir.toString(), "--images", dir.toString(), "--out",
                out.toString()), err.toString());
        assertEquals("a.png\nb.png\nsub/c.png\n", Files.readString(tmp.resolve("g.ids.txt")));
        // pixel (x, y) of seed s is (x + 2y + s) % 256; the run's normalisation maps v to (v/255 - 0.5)/0.5
        int[] seeds = {7, 40, 90};
        float[] v = new float[3 * 32 * 32];
        for (int i = 0; i < 3; i++) {
            for (int y = 0; y < 32; y++) {
                for (int xx = 0; xx < 32; xx++) {
                    v[i * 1024 + y * 32 + xx] = (float) ((((xx + 2 * y + seeds[i]) % 256) / 255.0 - 0.5) / 0.5);
                }
            }
        }
        INDArray want = new Embedder(cfg, TestRuns.weights(sd))
                .embed(Nd4j.create(v, new long[] {3, 1, 32, 32}, DataType.FLOAT));
        INDArray got = Nd4j.createFromNpyFile(out.toFile());
        assertArrayEquals(new long[] {3, 32}, got.shape());
        assertTrue(want.equalsWithEps(got, 1e-5), "features differ: " + want + " vs " + got);
    }

    @Test
    void wrongChannelsOrDtypeIsOneLineNamingFileAndExpectedShape() throws Exception {
        ResNetConfig cfg = new ResNetConfig(18, 4, 3, 32);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, TestRuns.randomEncoder(cfg, 14));
        Path grey = tmp.resolve("grey.npy");
        Nd4j.writeAsNumpy(Nd4j.zeros(DataType.FLOAT, 2, 1, 32, 32), grey.toFile());
        Path out = tmp.resolve("f.npy");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "embed", "--run", runDir.toString(), "--input", grey.toString(), "--out",
                out.toString()));
        assertEquals("error: " + grey + " has shape [2, 1, 32, 32]; this run's encoder takes [N, 3, 32, 32] with "
                + "N >= 1 (channels and size from its config.yaml)", err.toString().trim());
        assertFalse(Files.exists(out));

        Path dbl = tmp.resolve("double.npy");
        Nd4j.writeAsNumpy(Nd4j.zeros(DataType.DOUBLE, 2, 3, 32, 32), dbl.toFile());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "embed", "--run", runDir.toString(), "--input", dbl.toString(), "--out",
                out.toString()));
        assertTrue(err2.toString().contains(dbl + " holds dtype '<f8' [2, 3, 32, 32]; expected float32 ('<f4') "
                + "[N, 3, 32, 32]"), err2.toString());
    }

    @Test
    void aRunWithoutItsEncoderIsNamed() throws Exception {
        ResNetConfig cfg = new ResNetConfig(18, 4, 3, 32);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, TestRuns.randomEncoder(cfg, 15));
        Files.delete(runDir.resolve("encoder.sd"));
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "export", "--run", runDir.toString(), "--out", tmp.resolve("e.npz").toString()));
        assertTrue(err.toString().contains("run " + runDir + " has no exported encoder (encoder.sd)"), err.toString());
    }

    @Test
    void anUnreadableImageStopsTheRunWithItsPath() throws Exception {
        ResNetConfig cfg = new ResNetConfig(18, 4, 1, 32);
        Path runDir = TestRuns.writeRun(tmp.resolve("run"), cfg, TestRuns.randomEncoder(cfg, 16));
        Path dir = tmp.resolve("imgs");
        TestImages.write(TestImages.grey(32, 32, 1), "png", dir.resolve("a.png"));
        Path broken = Files.writeString(dir.resolve("b.png"), "not a png");
        Path out = tmp.resolve("g.npy");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "embed", "--run", runDir.toString(), "--images", dir.toString(), "--out",
                out.toString()));
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains(broken.toString()), err.toString());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(EmbedCommand.idsFile(out)));
    }

    private static INDArray rows(INDArray x, int from, int to) {
        return x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }
}
