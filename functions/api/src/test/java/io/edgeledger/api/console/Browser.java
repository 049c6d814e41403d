package io.edgeledger.api.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded one: the driver path is given,
 * so Selenium Manager is not used). Waits are on conditions with generous deadlines: the machine may be loaded.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    final ChromeDriver driver;
    final String base;

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--no-proxy-server", "--disable-extensions", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void open(String hashRoute) {
        driver.get(base + "/console/" + hashRoute);
    }

    /** Waits; on timeout says what the page showed and what the browser logged, so a failure explains itself. */
    <T> T until(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(200)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            List<String> log = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
            throw new AssertionError("timed out at " + driver.getCurrentUrl() + "\npage text: " + page + "\nbrowser log: " + log, e);
        }
    }

    WebElement visible(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * The row of a server-paged table that contains {@code text}, going through the pages with "Next ›" until it shows
     * (the listings page on the server, and other tests' data may fill the first pages).
     */
    WebElement rowOnSomePage(String text) {
        return until(d -> {
            try {
                for (WebElement row : d.findElements(By.cssSelector("#page tbody tr"))) {
                    if (row.getText().contains(text)) {
                        return row;
                    }
                }
                d.findElements(By.xpath("//div[@class='pager']/button[text()='Next ›' and not(@disabled)]")).forEach(WebElement::click);
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // the table was redrawn while read (a page loading): look again
            }
            return null;
        });
    }

    WebElement waitFor(By by) {
        return until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Console messages the page logged: CSP violations and uncaught errors fail the tests that call this. */
    List<String> problems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError"))
                .toList();
    }

    void screenshot(String name) throws java.io.IOException {
        String dir = System.getProperty("console.screenshots");
        Path out = dir == null || dir.isBlank() ? Path.of("target", "console-screenshots") : Path.of(dir);
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
