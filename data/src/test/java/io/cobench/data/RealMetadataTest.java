package io.cobench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealMetadataTest {

    @Test
    void bundledCopiesEqualTheSharedFilesAndHaveTheirKnownSizes() throws IOException {
        Path bundled = RealMetadata.bundled();
        // Line counts from ../shared/reference/real-metadata/README.md (plus a header where the file has one).
        assertEquals(112_121, Files.readAllLines(bundled.resolve("Data_Entry_2017_v2020.csv")).size());
        assertEquals(12_955, Files.readAllLines(bundled.resolve("train-rle.csv")).size());
        assertEquals(86_524, Files.readAllLines(bundled.resolve("train_val_list.txt")).size());
        assertEquals(25_596, Files.readAllLines(bundled.resolve("test_list.txt")).size());
        if (RealMetadata.shared().isPresent()) {
            for (String f : RealMetadata.FILES) {
                assertArrayEquals(Files.readAllBytes(RealMetadata.shared().get().resolve(f)),
                        Files.readAllBytes(bundled.resolve(f)), f);
            }
        }
    }
}
