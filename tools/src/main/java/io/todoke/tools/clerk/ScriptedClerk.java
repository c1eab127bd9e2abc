package io.todoke.tools.clerk;

import io.todoke.tools.samples.FaxTruth;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A clerk who confirms every waiting case through the real review page in Chromium, with the keyboard only, and
 * corrects each wrong or empty field with the truth of the generated fax (for {@code make bench}). {@code first}:
 * N opens the next case, Enter accepts a right doubtful field, a wrong one is typed over first, a wrong field the
 * engine did not doubt is reached by Tab, Ctrl+Enter confirms. {@code second}: the double check's blind entry,
 * every field typed from the truth. One TSV row per form: set, fax, keys, milliseconds, keys to retype every field,
 * fields corrected, outcome.
 *
 * <p>{@code --base URL --user U --password P --mode first|second --truth PREFIX=DIR ... --out FILE}: a case's fax is
 * known by the name it was received under, PREFIX-NAME, whose truth is DIR/NAME's {@code .truth.json}.
 */
public final class ScriptedClerk implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private int keys;
    private int clicks;

    ScriptedClerk(String base) throws IOException {
        this.base = base;
        profile = Files.createTempDirectory("todoke-clerk-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=ja");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, Path> truths = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--truth")) {
                String[] p = args[i + 1].split("=", 2);
                truths.put(p[0], Path.of(p[1]));
            } else {
                a.put(args[i].substring(2), args[i + 1]);
            }
        }
        boolean second = "second".equals(a.get("mode"));
        try (ScriptedClerk clerk = new ScriptedClerk(a.get("base"))) {
            clerk.signIn(a.get("user"), a.get("password"));
            int forms = 0;
            while (true) {
                String row = clerk.next(truths, second);
                if (row == null) {
                    break;
                }
                Files.writeString(Path.of(a.get("out")), row + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                forms++;
            }
            System.err.println(a.get("user") + " (" + a.get("mode") + "): " + forms + " forms");
        }
    }

    void signIn(String user, String password) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        waitFor(By.cssSelector("header.top .who"));
    }

    /** Confirms the next case: its TSV row, or null when nothing waits. */
    String next(Map<String, Path> truths, boolean second) throws IOException {
        driver.get(base + "/queue");
        waitFor(By.id("next-form"));
        int keysBefore = keys;
        int clicksBefore = clicks;
        long t0 = System.nanoTime();
        type("n");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/review/")
                || !d.findElements(By.cssSelector(".banner.info, .banner.error")).isEmpty());
        if (!driver.getCurrentUrl().contains("/review/")) {
            return null;
        }
        waitFor(By.id("review-form"));
        String url = driver.getCurrentUrl();
        String id = url.replaceAll(".*/review/([0-9a-f-]{36}).*", "$1");
        String received = receivedName(id);
        String prefix = received.contains("-") ? received.substring(0, received.indexOf('-')) : "";
        Path dir = truths.get(prefix);
        String name = received.substring(prefix.length() + 1);
        FaxTruth truth = FaxTruth.read(dir.resolve(name.replaceAll("\\.[^.]+$", "") + ".truth.json"));
        List<Row> rows = rows();
        Map<String, Object> expected = form(truth, rows);
        int corrected = second ? typeBlind(rows, expected) : review(rows, expected);
        chord(Keys.CONTROL, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().equals(url)
                || !d.findElements(By.cssSelector(".banner.error")).isEmpty());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String outcome = outcome(driver.getCurrentUrl().endsWith("/queue"), banner());
        if (!driver.getCurrentUrl().endsWith("/queue")) {
            // Left for a person: put back, and go on with the next one.
            driver.findElement(By.id("release")).click();
        }
        return String.join("\t", prefix, name, Integer.toString(keys - keysBefore), Long.toString(millis),
                Integer.toString(retypeKeys(rows, expected)), Integer.toString(corrected),
                Integer.toString(clicks - clicksBefore), outcome);
    }

    /** The first clerk: Enter through the doubtful fields, typing over the wrong ones, then the wrong others. */
    private int review(List<Row> rows, Map<String, Object> expected) {
        int corrected = 0;
        List<Row> doubtful = rows.stream().filter(Row::doubtful).sorted((x, y) -> x.tab - y.tab).toList();
        for (Row r : doubtful) {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> r.input.equals(d.switchTo().activeElement()));
            if (!matches(r, expected.get(r.key))) {
                fix(r, expected.get(r.key));
                corrected++;
            }
            type(Keys.ENTER);
        }
        // After the doubtful ones the focus is on 確定, below every field: back up with Shift+Tab; with none, the
        // focus is on the first field: go down with Tab.
        List<Row> others = new ArrayList<>(rows.stream().filter(r -> !r.doubtful && !matches(r, expected.get(r.key))).toList());
        if (!doubtful.isEmpty()) {
            java.util.Collections.reverse(others);
        }
        for (Row r : others) {
            tabTo(r.input, doubtful.isEmpty() ? Keys.TAB : null);
            fix(r, expected.get(r.key));
            corrected++;
        }
        return corrected;
    }

    /** The second clerk: every field typed from the fax (here: its truth), nothing shown to accept. */
    private int typeBlind(List<Row> rows, Map<String, Object> expected) {
        for (Row r : rows.stream().sorted((x, y) -> x.tab - y.tab).toList()) {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> r.input.equals(d.switchTo().activeElement()));
            fix(r, expected.get(r.key));
            type(Keys.ENTER);
        }
        return rows.size();
    }

    private void fix(Row r, Object value) {
        if (r.marks) {
            Set<String> want = values(value);
            List<WebElement> boxes = r.input.findElements(By.cssSelector("input[type=checkbox]"));
            if ("choice".equals(r.type)) {
                // One digit sets a single choice (the others go off); the chosen one's digit clears it.
                for (int i = 0; i < boxes.size() && i < 9; i++) {
                    boolean wanted = want.contains(boxes.get(i).getDomAttribute("value"));
                    if (wanted != boxes.get(i).isSelected() && (wanted || want.isEmpty())) {
                        type(Integer.toString(i + 1));
                    }
                }
                return;
            }
            for (int i = 0; i < boxes.size(); i++) {
                WebElement box = boxes.get(i);
                if (box.isSelected() != want.contains(box.getDomAttribute("value"))) {
                    if (i < 9) {
                        type(Integer.toString(i + 1));
                    } else {
                        // No key for a tenth option: the clerk clicks it (counted apart).
                        box.findElement(By.xpath("..")).click();
                        clicks++;
                        r.input.click();
                    }
                }
            }
        } else if (value == null) {
            type(Keys.DELETE);
        } else {
            type(value.toString());
        }
    }

    private boolean matches(Row r, Object want) {
        if (r.marks) {
            Set<String> checked = new HashSet<>();
            r.input.findElements(By.cssSelector("input[type=checkbox]")).stream().filter(WebElement::isSelected)
                    .forEach(b -> checked.add(b.getDomAttribute("value")));
            return checked.equals(values(want));
        }
        String have = Objects.toString(r.input.getDomProperty("value"), "");
        if (want == null) {
            return have.isBlank();
        }
        return switch (r.type) {
            case "text", "address", "kana" -> squash(have).equals(squash(want));
            default -> have.trim().equals(want.toString());
        };
    }

    /** What retyping the form would cost: every value's characters (a mark per option), a key per field. */
    private static int retypeKeys(List<Row> rows, Map<String, Object> expected) {
        int n = 3; // N, Ctrl+Enter, as for the clerk
        for (Row r : rows) {
            Object v = expected.get(r.key);
            n += 1 + (r.marks ? values(v).size() : v == null ? 0 : v.toString().length());
        }
        return n;
    }

    private static Set<String> values(Object v) {
        Set<String> s = new HashSet<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> s.add(x.toString()));
        } else if (v != null) {
            s.add(v.toString());
        }
        return s;
    }

    private static String squash(Object v) {
        return Normalizer.normalize(v.toString(), Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** The truth form of this case: the one on the page's own pages, else the one most of whose values it shows. */
    private Map<String, Object> form(FaxTruth truth, List<Row> rows) {
        List<Integer> own = driver.findElements(By.cssSelector(".page.own")).stream()
                .map(p -> Integer.parseInt(p.getDomAttribute("data-page"))).toList();
        for (FaxTruth.Form f : truth.forms()) {
            if (f.pages().equals(own)) {
                return f.fields();
            }
        }
        FaxTruth.Form best = truth.forms().get(0);
        int bestScore = -1;
        for (FaxTruth.Form f : truth.forms()) {
            int score = (int) rows.stream().filter(r -> !r.marks && matches(r, f.fields().get(r.key))).count();
            if (score > bestScore) {
                best = f;
                bestScore = score;
            }
        }
        return best.fields();
    }

    private record Row(String key, String type, boolean marks, boolean doubtful, int tab, WebElement input) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#review-form .field-row"))) {
            WebElement input = row.findElement(By.cssSelector(".field-input"));
            String tab = input.getDomAttribute("tabindex");
            rows.add(new Row(row.getDomAttribute("data-key"), input.getDomAttribute("data-type"),
                    Objects.toString(input.getDomAttribute("class"), "").contains("marks"), "true".equals(input.getDomAttribute("data-doubtful")),
                    tab == null ? 0 : Integer.parseInt(tab), input));
        }
        return rows;
    }

    /** The name the case's fax was received under, from the original's download header (not counted as keys). */
    private String receivedName(String id) {
        Object name = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/cases/' + arguments[0] + '/original', {method: 'HEAD', credentials: 'same-origin'})
                  .then(r => done(r.headers.get('Content-Disposition') || ''), () => done(''));""", id);
        String header = Objects.toString(name, "");
        String encoded = header.replaceAll(".*filename\\*=UTF-8''([^;]+).*", "$1");
        if (!encoded.equals(header)) {
            return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        return header.replaceAll(".*filename=\"?([^\";]+)\"?.*", "$1");
    }

    /** Tab (or Shift+Tab when {@code key} is null) until this element has the focus, every press counted. */
    private void tabTo(WebElement target, Keys key) {
        for (int i = 0; i < 80 && !target.equals(driver.switchTo().activeElement()); i++) {
            if (key == null) {
                chord(Keys.SHIFT, Keys.TAB);
            } else {
                type(key);
            }
        }
    }

    /** What became of the form, from the page the clerk is sent to. */
    private static String outcome(boolean backOnQueue, String banner) {
        if (!backOnQueue) {
            return "error";
        }
        if (banner.contains("別の担当者が入力して照合")) {
            return "double-check";
        }
        if (banner.contains("一致し、確定")) {
            return "agreed";
        }
        if (banner.contains("責任者の判断")) {
            return "disagreed";
        }
        return banner.startsWith("確定しました") ? "confirmed" : "other";
    }

    private String banner() {
        return driver.findElements(By.cssSelector(".banner")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private void type(CharSequence s) {
        keys += s instanceof Keys ? 1 : s.length();
        new Actions(driver).sendKeys(s).perform();
    }

    private void chord(Keys modifier, CharSequence key) {
        keys += 2;
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
