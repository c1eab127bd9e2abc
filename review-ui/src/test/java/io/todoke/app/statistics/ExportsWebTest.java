package io.todoke.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.todoke.app.SearchAppTest;
import io.todoke.app.export.CsvExport;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseDocument;

/** The statistics page and the CSV/xlsx exports against the real app, H2 and the real local Elasticsearch node. */
class ExportsWebTest extends SearchAppTest {

    final TodokeUser cityStaff = staff("staff-city", null);
    final TodokeUser westStaff = staff("staff-west", "西区");

    @BeforeAll
    void indexCases() {
        index.index(doc("e1", "西区", "山田 太郎", "神戸市西区玉津町, \"今津\"\n1-2", "2021-01-08", 45, "male"));
        index.index(doc("e2", "西区", "山田 花子", "神戸市西区伊川谷町", "2021-01-08", 7, "female"));
        index.index(doc("e3", "北区", "山田 一郎", "神戸市北区鈴蘭台", "2021-01-09", 93, "male"));
    }

    @Test
    void searchResultsExportAsCsvThatRoundTripsAwkwardAddressesAndIsAudited() throws Exception {
        long before = exports();
        byte[] csv = mvc.perform(get("/search/export.csv").param("q", "山田").with(user(cityStaff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = CsvExport.read(csv);
        assertThat(rows.get(0)).startsWith("帳票ID", "疾患", "区", "氏名");
        assertThat(rows).hasSize(4);
        List<String> e1 = rows.stream().filter(r -> r.get(0).equals("e1")).findFirst().orElseThrow();
        assertThat(e1.get(rows.get(0).indexOf("住所"))).isEqualTo("神戸市西区玉津町, \"今津\"\n1-2");
        assertThat(exports()).isEqualTo(before + 1);
        String detail = jdbc.sql("select detail from audit_log where action = 'EXPORT' order by id desc limit 1")
                .query(String.class).single();
        assertThat(detail).contains("q=山田").contains("search-results");
        assertThat(jdbc.sql("select actor from audit_log where action = 'EXPORT' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("staff-city");
    }

    @Test
    void searchResultsExportAsXlsxBoundByTheStaffMembersWard() throws Exception {
        long before = exports();
        byte[] xlsx = mvc.perform(get("/search/export.xlsx").param("q", "山田").with(user(westStaff)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<Object>> rows = sheet(xlsx);
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(rows.get(0).indexOf("区"))).containsOnly("西区");
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(0)).containsExactlyInAnyOrder("e1", "e2");
        assertThat(exports()).isEqualTo(before + 1);
    }

    @Test
    void dailyCountsExportAsCsvAndXlsxWithAColumnPerWard() throws Exception {
        long before = exports();
        byte[] csv = mvc.perform(get("/statistics/daily.csv").param("from", "2021-01-07").param("to", "2021-01-09")
                        .with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // Every configured ward has its column, in the configured order, days without cases included.
        assertThat(CsvExport.read(csv)).containsExactly(
                List.of("日付", "東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区", "須磨区", "垂水区", "西区", "合計"),
                List.of("2021-01-07", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("2021-01-08", "0", "0", "0", "0", "0", "0", "0", "0", "2", "2"),
                List.of("2021-01-09", "0", "0", "0", "0", "1", "0", "0", "0", "0", "1"));
        byte[] xlsx = mvc.perform(get("/statistics/daily.xlsx").param("from", "2021-01-07").param("to", "2021-01-09")
                        .with(user(westStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(sheet(xlsx)).containsExactly(List.of("日付", "西区", "合計"), List.of("2021-01-07", 0.0, 0.0),
                List.of("2021-01-08", 2.0, 2.0), List.of("2021-01-09", 0.0, 0.0));
        assertThat(exports()).isEqualTo(before + 2);
    }

    @Test
    void thePressTableExportsAsCsvAndXlsx() throws Exception {
        byte[] csv = mvc.perform(get("/statistics/press.csv").param("day", "2021-01-08").with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = CsvExport.read(csv);
        assertThat(rows).contains(List.of("合計", "2021-01-08", "2"), List.of("居住区", "西区", "2"),
                List.of("年代", "10歳未満", "1"), List.of("年代", "40代", "1"), List.of("性別", "男性", "1"),
                List.of("性別", "女性", "1"), List.of("類型", "患者（確定例）", "2"));
        byte[] xlsx = mvc.perform(get("/statistics/press.xlsx").param("day", "2021-01-09").with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(sheet(xlsx)).contains(List.of("合計", "2021-01-09", 1.0), List.of("年代", "90歳以上", 1.0),
                List.of("居住区", "北区", 1.0));
    }

    @Test
    void theStatisticsPageShowsTheChartAndThePressTable() throws Exception {
        String html = mvc.perform(get("/statistics").param("from", "2021-01-07").param("to", "2021-01-09")
                        .param("day", "2021-01-08").with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<svg", "<title>2021-01-08 西区: 2</title>", "2021-01-08 の発表用集計（2人）");
    }

    @Test
    void clerksMayNotSeeStatisticsOrExport() throws Exception {
        TodokeUser clerk = new TodokeUser("clerk-1", "x", true, List.of(new SimpleGrantedAuthority("ROLE_CLERK")),
                "確認 者", null);
        mvc.perform(get("/statistics/daily.csv").with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/search/export.csv").param("q", "山田").with(user(clerk))).andExpect(status().isForbidden());
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_log where action = 'EXPORT'").query(Long.class).single();
    }

    private static List<List<Object>> sheet(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null
                            : cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    static TodokeUser staff(String name, String ward) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")), name, ward);
    }

    static CaseDocument doc(String id, String ward, String name, String address, String reportDate, int age,
                                    String sex) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("patient_name", name);
        fields.put("patient_address", address);
        fields.put("report_date", reportDate);
        fields.put("diagnosis_date", reportDate);
        fields.put("age", age);
        fields.put("sex", sex);
        fields.put("case_type", "confirmed");
        return new CaseDocument(id, null, ward, fields, reportDate + "T09:00:00Z");
    }
}
