package io.todoke.app.forms;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 帳票（様式）一覧: the forms the instance reads, each with its fields and its blank form, for an administrator. */
class FormLibraryPageTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("admin-forms", PASSWORD, "様式 管理子", List.of("ADMIN"), null);
    }

    private RequestPostProcessor admin() {
        return user(accounts.loadUserByUsername("admin-forms"));
    }

    @Test
    void theListShowsTheSixLibraryFormsWithTheirDiseasesInJapanese() throws Exception {
        String html = mvc.perform(get("/admin/forms").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String table = html.substring(html.indexOf("<table class=\"forms\""));
        assertThat(table.split("data-form=", -1)).hasSize(7);
        assertThat(table).contains("新型コロナウイルス感染症", "腸管出血性大腸菌感染症", "麻しん", "百日咳", "梅毒", "結核",
                "covid19-notification", "2021-04", "/admin/forms/covid19-notification/2021-04");
        String covid = table.substring(table.indexOf("data-form=\"covid19-notification\""));
        assertThat(covid.substring(0, covid.indexOf("</tr>"))).contains("独自（template.json）");
        String measles = table.substring(table.indexOf("data-form=\"measles-notification\""));
        assertThat(measles.substring(0, measles.indexOf("</tr>"))).contains("種類別の既定値");
    }

    @Test
    void aFormsPageListsItsFieldsInJapaneseAndDrawsEachZoneOverTheBlank() throws Exception {
        String html = mvc.perform(get("/admin/forms/covid19-notification/2021-04").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fields = html.substring(html.indexOf("<table class=\"form-fields\""), html.indexOf("</table>"));
        assertThat(fields).contains("data-key=\"birth_date\"", "日付", "必須", "選択（一つ）", "男（male）");
        assertThat(fields).doesNotContain(">date<", ">choice<");
        assertThat(html).contains("/admin/forms/covid19-notification/2021-04/blank.png");
        assertThat(html.split("class=\"zone\"", -1)).hasSize(26 + 1);
        assertThat(html).contains("tabindex=\"0\" role=\"img\"", "data-key=\"birth_date\" aria-label=\"birth_date　生年月日\"");
    }

    @Test
    void eachZoneIsReachedByTabAndShowsItsKeyAndLabelWhenFocused() {
        try (Browser b = browser(1366, 768).signIn("admin-forms", PASSWORD)) {
            b.open("/admin/forms");
            b.waitFor(By.cssSelector("#forms a[href$='/covid19-notification/2021-04']")).sendKeys(Keys.ENTER);
            WebElement first = b.waitFor(By.cssSelector("#blank-form .zone"));
            WebElement key = first.findElement(By.className("zone-key"));
            assertThat(key.isDisplayed()).isFalse();
            b.js("document.getElementById('layout-download').focus()");
            b.type(Keys.TAB);
            assertThat(b.focused().getDomAttribute("data-key")).isEqualTo("report_date");
            assertThat(key.isDisplayed()).isTrue();
            assertThat(key.getText()).isEqualTo("report_date　報告年月日");
            b.type(Keys.TAB);
            assertThat(b.focused().getDomAttribute("data-key")).isEqualTo("physician_name");
        }
    }

    @Test
    void theBlankFormIsServedAsAPngOfTheWholePage() throws Exception {
        byte[] png = mvc.perform(get("/admin/forms/covid19-notification/2021-04/blank.png").with(admin()))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage blank = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(blank.getHeight() * 210).isEqualTo(blank.getWidth() * 297);
    }

    @Test
    void theLayoutDownloadsAsTheFileTheEngineReads() throws Exception {
        byte[] json = mvc.perform(get("/admin/forms/measles-notification/2024-04/layout.json").with(admin()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/json"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"measles-notification-2024-04-layout.json\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(json).isEqualTo(Files.readAllBytes(Path.of("../config/forms/measles-notification/layout.json")));
    }

    @Test
    void anUnknownFormOrVersionIsNotFoundWithAJapaneseReason() throws Exception {
        for (String path : List.of("/admin/forms/no-such-notification/2021-04", "/admin/forms/covid19-notification/1999",
                "/admin/forms/no-such-notification/1/blank.png", "/admin/forms/measles-notification/1/layout.json")) {
            String html = mvc.perform(get(path).with(admin())).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("この帳票（様式）は登録されていません");
        }
    }
}
