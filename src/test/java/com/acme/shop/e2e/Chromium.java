package com.acme.shop.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser the Playwright specs drive. Playwright's own browser download does not work on our machines, so
 * they drive Debian's chromium; on a machine without it the build installs it (as root, or through password-less
 * sudo), so that the README's test command passes on a fresh Debian machine. Anywhere else it stops with what to do.
 */
final class Chromium {

    private static final String DEBIAN_PATH = "/usr/bin/chromium";

    private Chromium() {
    }

    /** The chromium executable, installed first if needed: {@code CHROMIUM_PATH}, else Debian's. */
    static String executable() throws IOException, InterruptedException {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            require(new File(configured).canExecute(), "CHROMIUM_PATH=" + configured + " is not an executable file.");
            return configured;
        }
        if (new File(DEBIAN_PATH).canExecute()) {
            return DEBIAN_PATH;
        }
        List<String> asRoot = asRoot();
        require(asRoot != null && new File("/usr/bin/apt-get").canExecute(), "");
        System.out.println("[e2e] chromium is missing: installing Debian's package (apt-get install chromium)");
        if (!run(command(asRoot, "apt-get", "install", "-y", "-q", "chromium"))) {
            run(command(asRoot, "apt-get", "update", "-q"));
            require(run(command(asRoot, "apt-get", "install", "-y", "-q", "chromium")),
                    "apt-get install chromium failed (see the lines above).");
        }
        require(new File(DEBIAN_PATH).canExecute(), "apt-get installed chromium, but " + DEBIAN_PATH + " is not there.");
        return DEBIAN_PATH;
    }

    /** The prefix that runs a command as root: none when we are root, {@code sudo -n} when it needs no password. */
    private static List<String> asRoot() throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return run(List.of("sudo", "-n", "true")) ? List.of("sudo", "-n") : null;
    }

    private static List<String> command(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add("env");
        command.add("DEBIAN_FRONTEND=noninteractive");
        command.addAll(List.of(args));
        return command;
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return false;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        if (process.exitValue() != 0 && !command.contains("true")) {
            System.out.println(output);
        }
        return process.exitValue() == 0;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem + (problem.isEmpty() ? "" : " ")
                    + "The browser tests need Debian's chromium at " + DEBIAN_PATH + " and cannot install it here "
                    + "(that needs root or password-less sudo). Install it with `sudo apt-get install chromium`, "
                    + "or point CHROMIUM_PATH at a Chromium, or skip the browser tests with -DskipE2E=true.");
        }
    }
}
