package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM images make their class-data archive during the image build, where there is no database, with
 * {@code src/main/docker/train-archive.sh} (Dockerfile.jvm: AppCDS; Dockerfile.jvm25: the AOT cache). No Docker
 * engine runs here, so this runs that script on the packaged jar with this JVM: the service must start with only
 * what the script gives it (no database, throwaway keys), answer its requests, stop, and the JVM must write the
 * archive. A setting that becomes required at start without the script providing it fails here, not in an image
 * build.
 */
class ImageTrainingIT {

    private static final Path SCRIPT = Path.of("src/main/docker/train-archive.sh").toAbsolutePath();

    @Test
    void theImagesTrainingRunStartsTheServiceWithoutADatabaseAndWritesTheArchive(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("app-cds.jsa");
        Path log = dir.resolve("training.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder training = new ProcessBuilder("bash", SCRIPT.toString(), java,
                "-XX:ArchiveClassesAtExit=" + archive)
                .directory(PackagedApp.JAR.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        training.environment().put("TRAINING_PORT", String.valueOf(PackagedApp.freePort()));
        Process process = training.start();

        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the training run did not end within 5 minutes");
        assertEquals(0, process.exitValue(), () -> "the training run failed:\n" + read(log));
        assertTrue(Files.exists(archive) && Files.size(archive) > 10_000_000,
                () -> "no archive written:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
