package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five phantoms are written in the exact real layouts of datasets.md. */
class PhantomLayoutTest {
    private static final int SIZE = 48;
    private static final long SEED = 5;
    @TempDir
    static Path root;
    private static PhantomConfig cfg;

    @BeforeAll
    static void generate() {
        cfg = PhantomConfig.defaults(root).withSize(SIZE).withCount(120).withSeed(SEED).withThreads(2);
        Map<String, Integer> images = PhantomGenerator.generate(cfg, false);
        assertEquals(Map.of("nih", 120, "siim", 60, "eyepacs", 60, "mured", 63,
                "odir", images.get("odir")), images);
    }

    static List<String> lines(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && !text.contains("\r"), p + " must use LF line ends");
        return List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void nihDataEntryHasTheExactHeaderElevenFieldsAndOneFilePerRow() throws IOException {
        Path nih = root.resolve("nih");
        List<String> rows = lines(nih.resolve("Data_Entry_2017_v2020.csv"));
        assertEquals("Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position,"
                + "OriginalImage[Width,Height],OriginalImagePixelSpacing[x,y]", rows.get(0));
        assertEquals(121, rows.size());
        Set<String> valid = new HashSet<>();
        for (NihFinding f : NihFinding.values()) {
            valid.add(f.label);
        }
        Set<String> listed = new HashSet<>();
        int renumbered = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(11, f.length, row);
            assertTrue(f[0].matches("\\d{8}_\\d{3}\\.png"), f[0]);
            assertEquals(Integer.parseInt(f[0].substring(0, 8)), Integer.parseInt(f[3]), row);
            assertEquals(Integer.toString(Integer.parseInt(f[3])), f[3], "Patient ID is unpadded: " + row);
            if (!f[2].equals(Integer.toString(Integer.parseInt(f[0].substring(9, 12))))) {
                renumbered++;
            }
            List<String> labels = List.of(f[1].split("\\|"));
            if (labels.contains("No Finding")) {
                assertEquals(List.of("No Finding"), labels, row);
            } else {
                assertTrue(valid.containsAll(labels) && labels.size() <= 9, row);
            }
            int age = Integer.parseInt(f[4]);
            assertTrue(age >= 0 && age <= 95, row);
            assertTrue(f[5].equals("M") || f[5].equals("F"), row);
            assertTrue(f[6].equals("PA") || f[6].equals("AP"), row);
            listed.add(f[0]);
        }
        assertTrue(renumbered > 0, "some Follow-up # must differ from the file-name suffix, as in the real file");
        Set<String> onDisk = files(nih).stream().filter(p -> p.endsWith(".png")).collect(Collectors.toSet());
        assertEquals(listed.size(), onDisk.size());
        for (String p : onDisk) {
            assertTrue(p.matches("images_0\\d\\d/images/\\d{8}_\\d{3}\\.png"), p);
            assertTrue(listed.contains(Path.of(p).getFileName().toString()), p);
        }
        long shard1 = onDisk.stream().filter(p -> p.startsWith("images_001/")).count();
        long shard2 = onDisk.stream().filter(p -> p.startsWith("images_002/")).count();
        assertTrue(shard1 > 0 && shard2 > shard1, "images_001 holds half a shard: " + shard1 + " vs " + shard2);
    }

    @Test
    void nihPngsAreEightBitGreyExceptOneRgba() throws IOException {
        int rgba = 0;
        for (String p : files(root.resolve("nih"))) {
            if (!p.endsWith(".png")) {
                continue;
            }
            BufferedImage img = ImageIO.read(root.resolve("nih").resolve(p).toFile());
            assertEquals(SIZE, img.getWidth());
            assertEquals(SIZE, img.getHeight());
            assertEquals(8, img.getColorModel().getComponentSize(0));
            if (img.getRaster().getNumBands() == 4) {
                rgba++;
            } else {
                assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType(), p);
            }
        }
        assertEquals(1, rgba);
    }

    @Test
    void nihSplitsArePatientDisjointAndCoverEveryImage() throws IOException {
        Path nih = root.resolve("nih");
        List<String> train = lines(nih.resolve("train_val_list.txt"));
        List<String> test = lines(nih.resolve("test_list.txt"));
        assertFalse(train.isEmpty());
        assertFalse(test.isEmpty());
        Set<String> all = new HashSet<>(train);
        all.addAll(test);
        assertEquals(120, all.size());
        assertEquals(120, train.size() + test.size());
        Set<String> trainPatients = train.stream().map(s -> s.substring(0, 8)).collect(Collectors.toSet());
        Set<String> testPatients = test.stream().map(s -> s.substring(0, 8)).collect(Collectors.toSet());
        trainPatients.retainAll(testPatients);
        assertEquals(Set.of(), trainPatients);
    }

    @Test
    void nihBoxesAreTheDrawnLesionsOfTestImages() throws IOException {
        List<String> rows = lines(root.resolve("nih/BBox_List_2017.csv"));
        assertEquals("Image Index,Finding Label,Bbox [x,y,w,h],,,", rows.get(0));
        assertTrue(rows.size() > 1);
        Set<String> test = new HashSet<>(lines(root.resolve("nih/test_list.txt")));
        Map<String, NihPlan.Image> plan = new HashMap<>();
        NihPlan.plan(SEED, 120).forEach(im -> plan.put(im.file(), im));
        Set<String> labels = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(6, f.length, row);
            assertTrue(test.contains(f[0]), "box image must be in test_list: " + row);
            labels.add(f[1]);
            NihPlan.Image im = plan.get(f[0]);
            NihFinding finding = java.util.Arrays.stream(NihFinding.values())
                    .filter(x -> f[1].equals(x.boxLabel)).findFirst().orElseThrow();
            assertTrue(im.findings().contains(finding), row);
            Box b = NihWriter.lesionBox(NihWriter.render(im, SIZE).regions().get(finding));
            assertArrayEquals(new double[] {b.x0(), b.y0(), b.width(), b.height()},
                    new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])}, row);
            assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x1() <= SIZE && b.y1() <= SIZE, row);
        }
        assertTrue(labels.contains("Infiltrate"), "the real list spells Infiltration 'Infiltrate': " + labels);
        assertTrue(Set.of("Atelectasis", "Cardiomegaly", "Effusion", "Infiltrate", "Mass", "Nodule", "Pneumonia",
                "Pneumothorax").containsAll(labels), labels.toString());
    }

    /** Decoder written from datasets.md, independent of the encoder: relative offsets, column-major. */
    static boolean[] decodeRle(String rle, int width, int height) {
        boolean[] mask = new boolean[width * height];
        String[] t = rle.trim().split(" ");
        long pos = 0;
        for (int i = 0; i < t.length; i += 2) {
            pos += Long.parseLong(t[i]);
            long len = Long.parseLong(t[i + 1]);
            for (long p = pos; p < pos + len; p++) {
                int x = (int) (p / height);
                int y = (int) (p % height);
                mask[y * width + x] = true;
            }
            pos += len;
        }
        return mask;
    }

    /** Block majority from {@code from} to {@code to} pixels a side, blocks split at floor(i*from/to). */
    static boolean[] majority(boolean[] mask, int from, int to) {
        boolean[] out = new boolean[to * to];
        for (int y = 0; y < to; y++) {
            for (int x = 0; x < to; x++) {
                int on = 0;
                int all = 0;
                for (int yy = y * from / to; yy < (y + 1) * from / to; yy++) {
                    for (int xx = x * from / to; xx < (x + 1) * from / to; xx++) {
                        on += mask[yy * from + xx] ? 1 : 0;
                        all++;
                    }
                }
                out[y * to + x] = 2 * on >= all;
            }
        }
        return out;
    }

    @Test
    void exportedSiimMasksLieOnThePhantomImages() throws IOException {
        Path out = root.resolve("exported-masks");
        io.cobench.data.check.DataCheck.run("siim", root.resolve("siim"),
                new io.cobench.data.check.DataCheck.Options(0, null, out, false, false));
        int positives = 0;
        for (int i = 0; i < 60; i++) {
            SiimWriter.Study s = SiimWriter.study(SEED, i);
            BufferedImage m = ImageIO.read(out.resolve(s.imageId() + ".png").toFile());
            assertEquals(SIZE, m.getWidth());
            assertEquals(SIZE, m.getHeight());
            boolean[] union = new boolean[SIZE * SIZE];
            for (boolean[] region : SiimWriter.masks(SiimWriter.render(s, SIZE))) {
                for (int k = 0; k < union.length; k++) {
                    union[k] |= region[k];
                }
            }
            for (int k = 0; k < union.length; k++) {
                assertEquals(union[k] ? 255 : 0, m.getRaster().getSample(k % SIZE, k / SIZE, 0),
                        s.imageId() + " pixel " + k);
            }
            positives += s.regions() > 0 ? 1 : 0;
        }
        assertTrue(positives > 0);
    }

    @Test
    void siimRleRowsDecodeToTheDrawnMasks() throws IOException {
        Path siim = root.resolve("siim");
        List<String> rows = lines(siim.resolve("train-rle.csv"));
        assertEquals("ImageId, EncodedPixels", rows.get(0));
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            int comma = row.indexOf(',');
            assertEquals(' ', row.charAt(comma + 1), "values start with a space: " + row);
            String id = row.substring(0, comma);
            assertTrue(id.matches("1\\.2\\.276\\.0\\.7230010\\.3\\.1\\.4\\.8323329\\.\\d+\\.\\d{10}\\.\\d{6}"), id);
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row.substring(comma + 1));
        }
        assertEquals(60, byId.size());
        Set<String> pngs = files(siim.resolve("train"));
        assertEquals(byId.keySet().stream().map(id -> id + ".png").collect(Collectors.toSet()), pngs);
        Map<String, SiimWriter.Study> studies = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            SiimWriter.Study s = SiimWriter.study(SEED, i);
            studies.put(s.imageId(), s);
        }
        int single = 0;
        int multi = 0;
        int negative = 0;
        for (Map.Entry<String, List<String>> e : byId.entrySet()) {
            List<String> values = e.getValue();
            SiimWriter.Study s = studies.get(e.getKey());
            if (values.get(0).equals(" -1")) {
                assertEquals(1, values.size(), "a negative has exactly one row");
                assertEquals(0, s.regions());
                negative++;
                continue;
            }
            List<boolean[]> drawn = SiimWriter.masks(SiimWriter.render(s, SIZE));
            assertEquals(drawn.size(), values.size(), "one row per region");
            for (int k = 0; k < values.size(); k++) {
                // Codes are in the real 1024 frame; reduced to the phantom's size they give the drawn mask.
                boolean[] frame = decodeRle(values.get(k), 1024, 1024);
                assertArrayEquals(drawn.get(k), majority(frame, 1024, SIZE), e.getKey() + " region " + k);
            }
            if (values.size() == 1) {
                single++;
            } else {
                multi++;
            }
        }
        assertTrue(negative > 0 && single > 0 && multi > 0, negative + " " + single + " " + multi);
    }

    @Test
    void siimPneumothoraxIsVisibleWhereTheMaskIs() throws IOException {
        for (int i = 1; i <= 2; i++) {
            SiimWriter.Study s = SiimWriter.study(SEED, i);
            ChestPainter.Picture with = SiimWriter.render(s, SIZE);
            ChestPainter.Picture without = SiimWriter.render(new SiimWriter.Study(s.imageId(), 0, s.anatomy(), s.ap(),
                    s.seed()), SIZE);
            BufferedImage png = ImageIO.read(root.resolve("siim/train/" + s.imageId() + ".png").toFile());
            byte[] clean = without.canvas().toBytes();
            double inside = 0;
            int n = 0;
            for (boolean[] m : SiimWriter.masks(with)) {
                for (int p = 0; p < m.length; p++) {
                    if (m[p]) {
                        inside += (clean[p] & 0xff) - png.getRaster().getSample(p % SIZE, p / SIZE, 0);
                        n++;
                    }
                }
            }
            assertTrue(n > 0);
            assertTrue(inside / n > 12, "pneumothorax darkens its region by " + inside / n + " grey levels");
        }
    }

    @Test
    void eyepacsFilesMatchTrainLabels() throws IOException {
        Path dir = root.resolve("eyepacs");
        List<String> rows = lines(dir.resolve("trainLabels.csv"));
        assertEquals("image,level", rows.get(0));
        Set<String> expected = new HashSet<>();
        Set<Integer> levels = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(2, f.length);
            assertTrue(f[0].matches("\\d+_(left|right)"), f[0]);
            int level = Integer.parseInt(f[1]);
            assertTrue(level >= 0 && level <= 4);
            levels.add(level);
            expected.add(f[0] + ".jpeg");
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), levels);
        assertEquals(expected, files(dir.resolve("train")));
        BufferedImage img = ImageIO.read(dir.resolve("train/10_left.jpeg").toFile());
        assertEquals(3, img.getRaster().getNumBands());
        assertEquals(SIZE, img.getHeight());
        assertTrue(img.getWidth() > img.getHeight());
        assertEquals(0, img.getRaster().getSample(0, 0, 0), 8, "black border");
    }

    @Test
    void muredHasStringIdsPngAndTifAndTheTwentyOneColumnHeader() throws IOException {
        Path dir = root.resolve("mured");
        String header = "ID,DR,NORMAL,MH,ODC,TSLN,ARMD,DN,MYA,BRVO,ODP,CRVO,CNV,RS,ODE,LS,CSR,HTR,ASR,CRS,OTHER";
        List<String> train = lines(dir.resolve("train_data.csv"));
        List<String> val = lines(dir.resolve("val_data.csv"));
        assertEquals(header, train.get(0));
        assertEquals(header, val.get(0));
        Set<String> ids = new HashSet<>();
        for (String row : Stream.concat(train.stream().skip(1), val.stream().skip(1)).toList()) {
            String[] f = row.split(",", -1);
            assertEquals(21, f.length, row);
            assertTrue(ids.add(f[0]), "train and val are disjoint: " + f[0]);
            int sum = 0;
            for (int k = 1; k < 21; k++) {
                assertTrue(f[k].equals("0") || f[k].equals("1"), row);
                sum += Integer.parseInt(f[k]);
            }
            assertTrue(sum >= 1, row);
            if (f[2].equals("1")) {
                assertEquals(1, sum, "NORMAL excludes every disease: " + row);
            }
        }
        assertEquals(60, ids.size());
        assertTrue(ids.stream().anyMatch(s -> s.matches("\\d+")), "numeric IDs");
        assertTrue(ids.stream().anyMatch(s -> s.matches("im\\d{4}")), "STARE-style IDs");
        Set<String> onDisk = files(dir.resolve("images/images"));
        for (String id : ids) {
            String ext = id.startsWith("im") ? ".tif" : ".png";
            assertTrue(onDisk.contains(id + ext), id);
        }
        assertEquals(63, onDisk.size(), "3 images without a CSV row, as in the real folder");
        String tif = onDisk.stream().filter(s -> s.endsWith(".tif")).findFirst().orElseThrow();
        BufferedImage img = ImageIO.read(dir.resolve("images/images").resolve(tif).toFile());
        assertNotNull(img, "the TIFF decodes with javax.imageio");
        assertEquals(3, img.getRaster().getNumBands());
    }

    /** Splits a CSV line on commas outside double quotes. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Test
    void odirFullDfHasTheKaggleColumnsAndOneSingleLabelRowPerKeptEye() throws IOException {
        Path dir = root.resolve("odir");
        List<String> rows = lines(dir.resolve("full_df.csv"));
        assertEquals("ID,Patient Age,Patient Sex,Left-Fundus,Right-Fundus,Left-Diagnostic Keywords,"
                + "Right-Diagnostic Keywords,N,D,G,C,A,H,M,O,filepath,labels,target,filename", rows.get(0));
        String classes = "NDGCAHMO";
        Set<String> listed = new HashSet<>();
        boolean fullWidthComma = false;
        boolean discarded = false;
        for (String row : rows.subList(1, rows.size())) {
            List<String> f = csv(row);
            assertEquals(19, f.size(), row);
            String filename = f.get(18);
            assertTrue(filename.matches(f.get(0) + "_(left|right)\\.jpg"), row);
            assertEquals(filename, filename.contains("left") ? f.get(3) : f.get(4));
            assertEquals("../input/ocular-disease-recognition-odir5k/ODIR-5K/Training Images/" + filename, f.get(15));
            assertTrue(f.get(16).matches("\\['[NDGCAHMO]'\\]"), f.get(16));
            int cls = classes.indexOf(f.get(16).charAt(2));
            StringBuilder target = new StringBuilder("\"[");
            for (int k = 0; k < 8; k++) {
                target.append(k == 0 ? "" : ", ").append(k == cls ? 1 : 0);
            }
            assertEquals(target.append("]\"").toString(), f.get(17));
            if (cls > 0) {
                // a normal eye of a diseased patient has N = 0 at patient level, as in the real file
                assertEquals("1", f.get(7 + cls), "the eye's disease is set at patient level: " + row);
            }
            if (f.get(7).equals("1")) {
                for (int k = 8; k < 15; k++) {
                    assertEquals("0", f.get(k), row);
                }
            }
            assertTrue(f.get(1).matches("\\d+") && (f.get(2).equals("Male") || f.get(2).equals("Female")), row);
            fullWidthComma |= row.contains("\uFF0C");
            discarded |= row.contains("low image quality") || row.contains("lens dust") || row.contains("no fundus image");
            assertTrue(listed.add(filename));
        }
        assertTrue(fullWidthComma, "multi-keyword eyes are joined with the full-width comma");
        assertTrue(discarded, "some patients have a discarded eye");
        assertEquals(listed, files(dir.resolve("preprocessed_images")));
    }
}
