package dev.fleetjobs.e2e;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, with a fresh profile, nothing fetched from
 * the network (no Selenium Manager: both paths are given), and screenshots written as small PNGs.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Where screenshots go: {@code -Dfleetjobs.screenshots=docs/images} (from the repository root) refreshes the README's. */
    private static final String SCREENSHOTS = System.getProperty("fleetjobs.screenshots", "target/screenshots");

    private final Path profile;
    final ChromeDriver driver;

    Browser() {
        try {
            profile = Files.createTempDirectory("fleetjobs-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** What the page wrote to the browser's console since the last call, and the page's text: for failure messages. */
    String diagnosis() {
        StringBuilder text = new StringBuilder("page text:\n");
        try {
            text.append(driver.findElement(org.openqa.selenium.By.tagName("body")).getText());
            text.append("\nbrowser console:\n");
            driver.manage().logs().get("browser").forEach(entry -> text.append(entry).append('\n'));
        } catch (RuntimeException e) {
            text.append("(not readable: ").append(e).append(')');
        }
        return text.toString();
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the whole page, however long, scrolled to its top. */
    void fullPageScreenshot(String name, int maxWidth) {
        Dimension before = driver.manage().window().getSize();
        driver.executeScript("window.scrollTo(0, 0)");
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(4000, height + 140)));
        try {
            screenshot(name, maxWidth);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Saves the page as a PNG no wider than {@code maxWidth}, to keep the repository's images small. */
    void screenshot(String name, int maxWidth) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage out = shot;
            if (shot.getWidth() > maxWidth) {
                int height = shot.getHeight() * maxWidth / shot.getWidth();
                out = new BufferedImage(maxWidth, height, BufferedImage.TYPE_INT_RGB);
                var g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(shot.getScaledInstance(maxWidth, height, Image.SCALE_SMOOTH), 0, 0, null);
                g.dispose();
            }
            Path dir = Path.of(SCREENSHOTS);
            Files.createDirectories(dir);
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempDirs.delete(profile);
        }
    }
}
