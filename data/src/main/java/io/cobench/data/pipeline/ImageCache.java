package io.cobench.data.pipeline;

import io.cobench.cli.ProgressMeter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cobench.data.BadImagePolicy;
import io.cobench.data.Sample;
import io.cobench.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The preprocessing cache: every source image decoded once, mode-converted, resized to
 * {@code size x size} and stored as 8-bit HWC in one memory-mapped file with an index
 * (id, offset, shape). The file carries a fingerprint of the sources (paths, sizes, modification
 * times) and of the target size and channels; {@link #open} reuses a file whose fingerprint
 * matches and rebuilds it otherwise. A build writes a temporary sibling and renames it into
 * place, so a crash never leaves a half cache where a reader would find it.
 *
 * <p>File layout: magic {@code COBCACHE}, int version, int 0, long header offset, long header
 * length, pixel data from byte 4096, JSON header (fingerprint, shape, entries) at the end.
 */
public final class ImageCache implements ImageStore, AutoCloseable {
    private static final byte[] MAGIC = "COBCACHE".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final long DATA_START = 4096;
    /** Bumped when decoding or resizing changes, so old caches are rebuilt. */
    private static final String PIPELINE = "data.ImageReader/triangle-antialias/v2";
    private static final long SEGMENT = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = host();
    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    /** One image to cache: its id and file. */
    public record Source(String id, Path file) {
        public static List<Source> of(List<Sample> samples) {
            return samples.stream().map(s -> new Source(s.id(), s.image())).toList();
        }
    }

    /**
     * @param size edge of the stored square images in pixels
     * @param channels 1 (grey) or 3 (RGB)
     * @param policy what to do with a file that cannot be decoded: stop with an error naming it,
     *     or leave it out of the index, record it in the policy and list it in {@link #skipped()}
     * @param threads decoding threads
     * @param progress show a progress bar while building
     */
    public record Spec(int size, int channels, BadImagePolicy policy, int threads, boolean progress) {
        public Spec {
            if (size < 1) {
                throw new IllegalArgumentException("cache size must be positive, not " + size);
            }
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("cache channels must be 1 or 3, not " + channels);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("cache threads must be at least 1, not " + threads);
            }
        }

        public static Spec of(int size, int channels) {
            return new Spec(size, channels, BadImagePolicy.fail(), Runtime.getRuntime().availableProcessors(), false);
        }
    }

    /** Index entry: where image {@code id} starts and its shape. */
    public record Entry(String id, long offset, int height, int width, int channels) {
        int bytes() {
            return height * width * channels;
        }
    }

    /** The JSON header. */
    record Header(String fingerprint, int size, int channels, List<Entry> entries, List<String> skipped) {
    }

    private final Path file;
    private final Header header;
    private final MappedByteBuffer[] segments;
    private final long[] segmentStart;
    private final Map<String, Integer> byId = new HashMap<>();
    private final boolean built;

    private ImageCache(Path file, Header header, boolean built) throws IOException {
        this.file = file;
        this.header = header;
        this.built = built;
        List<Entry> entries = header.entries();
        for (int i = 0; i < entries.size(); i++) {
            byId.put(entries.get(i).id(), i);
        }
        // segments of at most 1 GiB that never split an image, because one mapping is limited to 2 GiB
        List<long[]> ranges = new ArrayList<>();
        long lo = -1;
        long hi = -1;
        for (Entry e : entries.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList()) {
            if (lo < 0) {
                lo = e.offset();
            } else if (e.offset() + e.bytes() - lo > SEGMENT) {
                ranges.add(new long[] {lo, hi});
                lo = e.offset();
            }
            hi = Math.max(hi, e.offset() + e.bytes());
        }
        if (lo >= 0) {
            ranges.add(new long[] {lo, hi});
        }
        segments = new MappedByteBuffer[ranges.size()];
        segmentStart = new long[ranges.size()];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int k = 0; k < ranges.size(); k++) {
                segmentStart[k] = ranges.get(k)[0];
                segments[k] = ch.map(FileChannel.MapMode.READ_ONLY, ranges.get(k)[0], ranges.get(k)[1] - ranges.get(k)[0]);
            }
        }
    }

    /**
     * The cache file for {@code dataset} read from {@code root} for {@code role} at one size: one
     * cache folder serves every command and grid, so the name carries a hash of the dataset's folder
     * (two phantom sets at one size would otherwise overwrite each other's cache on every switch).
     */
    public static Path file(Path cacheDir, String dataset, String role, Path root, int size, int channels) {
        String abs = root.toAbsolutePath().normalize().toString();
        String hash = String.format(java.util.Locale.ROOT, "%08x", abs.hashCode());
        return cacheDir.resolve(dataset + "-" + role + "-" + hash + "-" + size + "px-" + channels + "ch.u8");
    }

    /**
     * Opens the cache at {@code file}, building or rebuilding it first when it is missing, unreadable
     * or made from other sources or another size or channel count.
     */
    public static ImageCache open(Path file, List<Source> sources, Spec spec) {
        String fingerprint = fingerprint(sources, spec);
        try {
            removeStaleTemps(file);
            Header existing = readHeader(file);
            if (existing != null && existing.fingerprint().equals(fingerprint)) {
                return new ImageCache(file, existing, false);
            }
            return new ImageCache(file, build(file, sources, spec, fingerprint), true);
        } catch (IOException e) {
            throw new UncheckedIOException("image cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when this call built the file, false when it reused a matching one. */
    public boolean wasBuilt() {
        return built;
    }

    public String fingerprint() {
        return header.fingerprint();
    }

    public int size() {
        return header.size();
    }

    public int channels() {
        return header.channels();
    }

    public Path file() {
        return file;
    }

    /** Ids of sources left out because they could not be decoded (policy SKIP). */
    public List<String> skipped() {
        return header.skipped();
    }

    public List<Entry> entries() {
        return header.entries();
    }

    @Override
    public int count() {
        return header.entries().size();
    }

    @Override
    public String id(int index) {
        return header.entries().get(index).id();
    }

    /** Position of {@code id} in the index, or -1. */
    public int indexOf(String id) {
        return byId.getOrDefault(id, -1);
    }

    @Override
    public ImageU8 image(int index) {
        Entry e = header.entries().get(index);
        int k = segmentOf(e.offset());
        byte[] px = new byte[e.bytes()];
        segments[k].get((int) (e.offset() - segmentStart[k]), px, 0, px.length);
        return new ImageU8(e.id(), e.height(), e.width(), e.channels(), px);
    }

    private int segmentOf(long offset) {
        int lo = 0;
        int hi = segmentStart.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentStart[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public void close() {
        // mappings are released by the garbage collector; nothing else is held open
    }

    /** SHA-256 over the pipeline version, target shape and every source's id, path, size and mtime. */
    static String fingerprint(List<Source> sources, Spec spec) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder();
            sb.append(PIPELINE).append('\n').append(spec.size()).append('\n').append(spec.channels()).append('\n')
                    .append(spec.policy()).append('\n');
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            for (Source s : sources) {
                String stat;
                try {
                    BasicFileAttributes a = Files.readAttributes(s.file(), BasicFileAttributes.class);
                    stat = a.size() + " " + a.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    stat = "missing";
                }
                md.update((s.id() + "\t" + s.file().toAbsolutePath().normalize() + "\t" + stat + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header of an existing cache file, or null when there is none or it is not a cache. */
    static Header readHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(pre, 0) < 32) {
                return null;
            }
            pre.flip();
            byte[] magic = new byte[8];
            pre.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || pre.getInt() != VERSION) {
                return null;
            }
            pre.getInt();
            long offset = pre.getLong();
            long length = pre.getLong();
            if (offset < DATA_START || length <= 0 || length > Integer.MAX_VALUE || offset + length != ch.size()) {
                return null;
            }
            ByteBuffer json = ByteBuffer.allocate((int) length);
            while (json.hasRemaining()) {
                if (ch.read(json, offset + json.position()) < 0) {
                    return null;
                }
            }
            return JSON.readValue(json.array(), Header.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static Header build(Path file, List<Source> sources, Spec spec, String fingerprint) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = tempFile(file);
        Files.createFile(tmp);
        int stride = spec.size() * spec.size() * spec.channels();
        Entry[] entries = new Entry[sources.size()];
        String[] skipped = new String[sources.size()];
        ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), r -> {
            Thread t = new Thread(r, "image-cache");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ);
             ProgressMeter bar = ProgressMeter.onStderr("cache " + file.getFileName(), sources.size(), spec.progress())) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    Source s = sources.get(index);
                    long offset = DATA_START + (long) index * stride;
                    var decoded = ImageDecoder.decode(s.id(), s.file(), spec.channels(), spec.policy());
                    if (decoded.isPresent()) {
                        ImageU8 img = Resampler.resize(decoded.get(), spec.size(), spec.size());
                        ByteBuffer buf = ByteBuffer.wrap(img.pixels());
                        long pos = offset;
                        while (buf.hasRemaining()) {
                            pos += ch.write(buf, pos);
                        }
                        entries[index] = new Entry(s.id(), offset, spec.size(), spec.size(), spec.channels());
                    } else {
                        skipped[index] = s.id();
                    }
                    bar.step();
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            List<Entry> index = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < entries.length; i++) {
                if (entries[i] != null) {
                    index.add(entries[i]);
                } else {
                    bad.add(skipped[i]);
                }
            }
            Header header = new Header(fingerprint, spec.size(), spec.channels(), index, bad);
            byte[] json = JSON.writeValueAsBytes(header);
            long headerOffset = DATA_START + (long) sources.size() * stride;
            ch.write(ByteBuffer.wrap(json), headerOffset);
            ByteBuffer pre = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            pre.put(MAGIC).putInt(VERSION).putInt(0).putLong(headerOffset).putLong(json.length).flip();
            ch.write(pre, 0);
            ch.force(true);
            AtomicFiles.move(tmp, file);
            return header;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("cache build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            // An Error (out of memory) may carry no message; its class is then the reason.
            throw new IOException("a cache worker failed: " + io.cobench.data.ImageReader.reason(cause), cause);
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A build's temporary file: named after this host and process, so that the next run can tell
     * a temp file whose builder was killed (process gone) from one still being written, and
     * numbered, because grid workers of one process may build the same cache at once.
     */
    static Path tempFile(Path file) {
        return file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + HOST + "-"
                + ProcessHandle.current().pid() + "-" + BUILDS.incrementAndGet() + ".tmp");
    }

    /**
     * Deletes temporary files of builds that were killed, at every open: a kill during a build at
     * paper scale would otherwise leave gigabytes behind. A temp file of this host is stale when
     * its process is gone; any temp file (another host's on a shared disk, an older naming scheme)
     * when it has not changed for an hour, so a build running elsewhere keeps its file.
     */
    static void removeStaleTemps(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + file.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - 3_600_000L;
        List<Path> temps;
        try (Stream<Path> s = Files.list(dir)) {
            temps = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".tmp");
            }).toList();
        }
        for (Path p : temps) {
            String n = p.getFileName().toString();
            // HOST-PID-N; the host has no '-' of its own (see host()).
            String[] owner = n.substring(prefix.length(), n.length() - ".tmp".length()).split("-");
            boolean builderGone = owner.length == 3 && owner[0].equals(HOST) && owner[1].matches("\\d{1,18}")
                    && ProcessHandle.of(Long.parseLong(owner[1])).map(h -> !h.isAlive()).orElse(true);
            boolean untouched;
            try {
                // A build in progress writes all the time; an hour without a change means its builder is gone
                // (or its process id was reused).
                untouched = Files.getLastModifiedTime(p).toMillis() < cutoff;
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            if (builderGone || untouched) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** This machine's name as it may appear in a file name. */
    private static String host() {
        String h;
        try {
            h = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            h = "localhost";
        }
        return h.replaceAll("[^A-Za-z0-9.]", "_");
    }
}
