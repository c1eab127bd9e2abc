package io.todoke.app;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: paths are explicit so Selenium Manager
 * never looks for (or downloads) a browser. Counts every key it sends, for the keystroke budget.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private int keys;

    public Browser(String base) {
        this(base, 1600, 1000);
    }

    /** A browser window of this size (e.g. 1366×768, the smallest screen clerks use). */
    public Browser(String base, int width, int height) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("todoke-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=ja");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        waitFor(By.cssSelector("header.top .who"));
        return this;
    }

    /** Types into whatever has focus, as a clerk would; every character and key counts. */
    public Browser type(CharSequence... sequence) {
        for (CharSequence s : sequence) {
            keys += s instanceof Keys ? 1 : s.length();
        }
        new Actions(driver).sendKeys(sequence).perform();
        return this;
    }

    /** A chord such as Ctrl+Enter: two keys. */
    public Browser chord(Keys modifier, CharSequence key) {
        keys += 2;
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
        return this;
    }

    public int keysSent() {
        return keys;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * Clicks an element that loads another page (a form post, a link) and waits until the old page is gone, so that a
     * banner or field found next is the new page's, not a left-over of the old one.
     */
    public void clickToNextPage(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(html));
    }

    /** Waits until the element with this id has the keyboard focus (moves after an async check). */
    public void waitForFocus(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> id.equals(d.switchTo().activeElement().getDomAttribute("id")));
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
