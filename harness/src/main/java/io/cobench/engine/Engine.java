package io.cobench.engine;

import io.cobench.cli.UserError;
import io.cobench.provenance.BuildInfo;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once per process, prints what it runs on, and refuses GPUs that the released
 * M2.1 CUDA kernels cannot drive.
 */
public final class Engine {
    /** The newest compute capability with SASS in nd4j-cuda-11.6 1.0.0-M2.1 (no PTX is shipped). */
    static final int NEWEST_SUPPORTED_SM = 86;

    private static volatile EngineInfo info;

    private Engine() {
    }

    /** Facts about the backend, recorded in every run's provenance. */
    public record EngineInfo(String backend, String artifact, String device, Integer computeCapability,
                             int threads) {
        public String describe() {
            return "backend " + backend + " (" + artifact + "), device " + device
                    + (computeCapability == null ? "" : ", compute capability "
                    + computeCapability / 10 + "." + computeCapability % 10)
                    + ", " + threads + " threads";
        }

        /** The entries of a provenance record's environment, in its key order. */
        public java.util.Map<String, Object> facts() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("backend", backend);
            m.put("device", device);
            m.put("compute_capability", computeCapability);
            m.put("threads", threads);
            return m;
        }
    }

    /** Initialises ND4J and prints the backend line to {@code log}; later calls return the same info. */
    public static synchronized EngineInfo start(PrintStream log) {
        if (info != null) {
            return info;
        }
        quietGradientLogging();
        if (BuildInfo.nd4jArtifact().contains("cuda")) {
            // Before ND4J loads its CUDA libraries: on a GPU without kernels that load can fail with
            // an unrelated-looking native error, so the clear refusal has to come first.
            GpuProbe gpu = GpuProbe.query();
            if (gpu != null) {
                if (log != null) {
                    log.println("cobench " + BuildInfo.version() + " built for " + BuildInfo.nd4jArtifact() + ": GPU 0 is "
                            + gpu.name() + ", compute capability " + gpu.computeCapability() / 10 + "."
                            + gpu.computeCapability() % 10 + " (nvidia-smi)");
                }
                checkComputeCapability(gpu.computeCapability(), gpu.name());
            }
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        RecyclingSession.install();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        boolean cuda = backend.toLowerCase(Locale.ROOT).contains("cuda") || backend.toLowerCase(Locale.ROOT).contains("jcublas");
        Integer cc = cuda ? cudaComputeCapability() : null;
        String device = cuda ? cudaDeviceName() : cpuName();
        int threads = Runtime.getRuntime().availableProcessors();
        EngineInfo ei = new EngineInfo(cuda ? "cuda" : "cpu", BuildInfo.nd4jArtifact(), device, cc, threads);
        if (log != null) {
            log.println("cobench " + BuildInfo.version() + " on ND4J " + BuildInfo.nd4jVersion() + ": " + ei.describe());
        }
        if (cc != null) {
            checkComputeCapability(cc, device);
        }
        if (!cuda && log != null) {
            String note = isaNote(System.getenv("DNNL_MAX_CPU_ISA"), cpuFlags());
            if (note != null) {
                log.println(note);
            }
        }
        info = ei;
        return ei;
    }

    /** Throws a {@link UserError} for GPUs newer than the shipped kernels. */
    static void checkComputeCapability(int cc, String device) {
        if (cc > NEWEST_SUPPORTED_SM) {
            throw new UserError(String.format(Locale.ROOT,
                    "GPU %s has compute capability %d.%d, but the released ND4J 1.0.0-M2.1 CUDA kernels "
                            + "(nd4j-cuda-11.6) end at sm_86 and ship no PTX, so they cannot run here. "
                            + "Supported: Volta (sm_70), Turing (sm_75), Ampere (sm_80/sm_86, e.g. A100, RTX A6000, "
                            + "RTX 30xx) and Ada (sm_89, through sm_86 binary compatibility). Hopper (H100/H200, "
                            + "sm_90) and newer are not supported; build without -Pcuda to train on the CPU.",
                    device, cc / 10, cc % 10));
        }
    }

    /**
     * Building a gradient graph prints "Added differentiated op" for every op to stdout; the
     * filter keeps the progress output readable.
     */
    private static void quietGradientLogging() {
        QuietStdout.install();
    }

    /**
     * On AVX-512 CPUs oneDNN in M2.1 chooses Winograd kernels for backward 3x3 convolutions,
     * which at CPU image sizes cost several times the direct ones; the cap must be in the
     * environment before the native library loads, so all this process can do is say so.
     */
    static String isaNote(String isaEnv, String cpuFlags) {
        if (isaEnv != null && !isaEnv.isBlank()) {
            return null;
        }
        if (cpuFlags == null || !(" " + cpuFlags + " ").contains(" avx512f ")) {
            return null;
        }
        return "note: this AVX-512 CPU runs without DNNL_MAX_CPU_ISA, so oneDNN takes Winograd kernels for backward "
                + "convolutions, several times slower here; ./cobench and the Maven build set DNNL_MAX_CPU_ISA=AVX2 "
                + "(docs/performance-notes.md)";
    }

    private static String cpuFlags() {
        return cpuInfo("flags");
    }

    private static String cpuName() {
        String name = cpuInfo("model name");
        // not Linux: the OS's name for the architecture is the best we can say
        return name != null ? name : System.getProperty("os.arch");
    }

    /** The first /proc/cpuinfo field named {@code key}, or null where there is none (not Linux). */
    private static String cpuInfo(String key) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException ignored) {
            // no such file: the callers say what they do without it
        }
        return null;
    }

    /** Read through reflection so that the CPU build needs no CUDA classes. */
    private static Integer cudaComputeCapability() {
        try {
            Object env = Nd4j.getExecutioner().getEnvironmentInformation();
            Object devices = env instanceof java.util.Properties p ? p.get("cuda.devicesInformation") : null;
            if (devices instanceof java.util.List<?> list && !list.isEmpty()
                    && list.get(0) instanceof java.util.Map<?, ?> d) {
                Object major = d.get("cuda.deviceMajor");
                Object minor = d.get("cuda.deviceMinor");
                if (major != null && minor != null) {
                    return Integer.parseInt(major.toString()) * 10 + Integer.parseInt(minor.toString());
                }
            }
            Class<?> nc = Class.forName("org.nd4j.nativeblas.NativeOpsHolder");
            Method gi = nc.getMethod("getInstance");
            Object ops = nc.getMethod("getDeviceNativeOps").invoke(gi.invoke(null));
            int major = (int) ops.getClass().getMethod("getDeviceMajor", int.class).invoke(ops, 0);
            int minor = (int) ops.getClass().getMethod("getDeviceMinor", int.class).invoke(ops, 0);
            return major * 10 + minor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UserError("CUDA backend started but its compute capability could not be read: " + e);
        }
    }

    private static String cudaDeviceName() {
        try {
            Object env = Nd4j.getExecutioner().getEnvironmentInformation();
            if (env instanceof java.util.Properties p && p.get("cuda.devicesInformation") instanceof java.util.List<?> l
                    && !l.isEmpty() && l.get(0) instanceof java.util.Map<?, ?> d && d.get("cuda.deviceName") != null) {
                return d.get("cuda.deviceName").toString();
            }
        } catch (RuntimeException ignored) {
            // fall through to the generic name
        }
        return "CUDA device 0";
    }
}
