#include <catch2/catch.hpp>

#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"
#include "support/fixture.hpp"

using namespace std::string_literals;
using chaingap::CsvTable;
using chaingap::InputError;
using Catch::Matchers::Contains;

TEST_CASE("CSV: BOM, quoting, embedded commas, quotes and line breaks", "[io]") {
    CsvTable t = CsvTable::parse("\xEF\xBB\xBFid,name,note\r\n1,\"a,b\",\"say \"\"hi\"\"\"\r\n2,plain,\"two\nlines\"\n3,,x\n", "t.csv");
    REQUIRE(t.rows() == 3);
    CHECK(t.header()[0] == "id");  // the BOM is not part of the first column name
    CHECK(t.cell(0, 1) == "a,b");
    CHECK(t.cell(0, 2) == "say \"hi\"");
    CHECK(t.cell(1, 2) == "two\nlines");
    CHECK(t.line_of(0) == 2);
    CHECK(t.line_of(1) == 3);
    CHECK(t.line_of(2) == 5);  // the quoted line break moved it down one line
    CHECK(t.cell(2, 1).empty());
    CHECK(t.require_column("note") == 2);
    CHECK_FALSE(t.optional_column("missing").has_value());
}

TEST_CASE("CSV: the last row may lack a final newline", "[io]") {
    CsvTable t = CsvTable::parse("a,b\n1,2", "t.csv");
    REQUIRE(t.rows() == 1);
    CHECK(t.cell(0, 1) == "2");
}

TEST_CASE("CSV: malformed input is refused with file and line", "[io]") {
    CHECK_THROWS_WITH(CsvTable::parse("a,b\n1,2,3\n", "t.csv"), Contains("t.csv:2:") && Contains("expected 2 fields"));
    CHECK_THROWS_WITH(CsvTable::parse("a,b\n1,\"open\n", "t.csv"), Contains("t.csv:2:") && Contains("unterminated"));
    CHECK_THROWS_WITH(CsvTable::parse("a,b\n1,2\n\n3,4\n", "t.csv"), Contains("t.csv:3:") && Contains("blank line"));
    CHECK_THROWS_WITH(CsvTable::parse("a,a\n1,2\n", "t.csv"), Contains("duplicate column"));
    CHECK_THROWS_WITH(CsvTable::parse("", "t.csv"), Contains("empty file"));
    CHECK_THROWS_WITH(CsvTable::parse("a,b\n1,x\"y\n", "t.csv"), Contains("t.csv:2:") && Contains("quote inside"));
    CHECK_THROWS_WITH(CsvTable::parse("a\n1\n", "t.csv").require_column("b"), Contains("field 'b'") && Contains("missing"));
}

TEST_CASE("CSV: typed cells name the line and column", "[io]") {
    CsvTable t = CsvTable::parse("id,revenue,year\nx,12.5,2001\ny,abc,20x1\nz,,\n", "e.csv");
    CHECK(*t.number(0, 1) == 12.5);
    CHECK(*t.integer(0, 2) == 2001);
    CHECK_FALSE(t.number(2, 1).has_value());
    CHECK_THROWS_WITH(t.number(1, 1), Contains("e.csv:3: field 'revenue'") && Contains("not a number"));
    CHECK_THROWS_WITH(t.integer(1, 2), Contains("e.csv:3: field 'year'"));
    CHECK_THROWS_WITH(t.text(2, 1), Contains("e.csv:4: field 'revenue': value is required"));
}

// ---- CsvReader: the streamed tokenizer must see exactly what CsvTable sees, chunk boundaries anywhere.
namespace {
// A file that exercises every path of the tokenizer: BOM, CR LF and lone CR, quoted commas, doubled
// quotes, quoted line breaks, empty cells, Chinese text, a field longer than the small chunks.
std::string varied_csv(int rows) {
    std::string s = "\xEF\xBB\xBFid,name,note,weight\r\n";
    for (int i = 0; i < rows; ++i) {
        const std::string id = "E" + std::to_string(i);
        switch (i % 7) {
            case 0: s += id + ",plain,,0.5\n"; break;
            case 1: s += id + ",\"a,b\",\"say \"\"hi\"\"\",1\r\n"; break;
            case 2: s += id + ",\"two\nlines\",x,\n"; break;
            case 3: s += id + ",示例企业（合成）,\"\",2e-3\r"; break;
            case 4: s += id + "," + std::string(100 + i % 50, 'z') + ",\"\"\"\",3\n"; break;
            case 5: s += id + ",\"cr\r\nlf\",\"q\"\"\nq\",4\n"; break;
            default: s += id + ", spaced ,\"\",5\n"; break;
        }
    }
    return s;
}
}  // namespace

TEST_CASE("CsvReader streams the same records as CsvTable, whatever the chunk size", "[io]") {
    chaingap::test::TempDir d;
    const std::string text = varied_csv(500);
    d.write("v.csv", text);
    const std::string path = (d.path() / "v.csv").string();
    const CsvTable table = CsvTable::parse(text, path);
    REQUIRE(table.rows() == 500);
    for (std::size_t chunk : {std::size_t{16}, std::size_t{37}, std::size_t{64}, std::size_t{1000}, std::size_t{1} << 22}) {
        CAPTURE(chunk);
        chaingap::CsvReader r(path, chunk);
        REQUIRE(r.header() == table.header());
        std::size_t row = 0;
        while (r.next()) {
            REQUIRE(row < table.rows());
            CHECK(r.row() == row);
            CHECK(r.line() == table.line_of(row));
            for (std::size_t c = 0; c < table.header().size(); ++c) CHECK(r.cell(c) == table.cell(row, c));
            ++row;
        }
        CHECK(row == table.rows());
        for (std::size_t k = 0; k < table.rows(); k += 13) CHECK(r.line_of(k) == table.line_of(k));
    }
}

TEST_CASE("CsvReader refuses bad input in a later chunk, naming the line", "[io]") {
    chaingap::test::TempDir d;
    std::string good;
    for (int i = 0; i < 300; ++i) good += "E" + std::to_string(i) + ",x\n";
    auto error_of = [&](const std::string& body) {
        d.write("b.csv", "a,b\n" + body);
        try {
            chaingap::CsvReader r((d.path() / "b.csv").string(), 64);
            while (r.next()) (void)r.text(0);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    // line 302 = header + 300 good rows + 1
    CHECK_THAT(error_of(good + "E9,\xC3\x28\n"), Contains("b.csv:302:") && Contains("not valid UTF-8 (byte 0xC3)"));
    CHECK_THAT(error_of(good + "E9,x\0y\n"s), Contains("b.csv:302:") && Contains("NUL byte"));
    CHECK_THAT(error_of(good + "E9,x,y\n"), Contains("b.csv:302:") && Contains("expected 2 fields (as in the header), found 3"));
    CHECK_THAT(error_of(good + "E9,\"open\nmore\n"), Contains("b.csv:302:") && Contains("unterminated quoted field"));
    CHECK_THAT(error_of(good + "\nE9,x\n"), Contains("b.csv:302:") && Contains("blank line"));
    CHECK_THAT(error_of(good + "E9,x\"y\n"), Contains("b.csv:302:") && Contains("quote inside an unquoted field"));
    CHECK_THAT(error_of(good + "E9,\"x\"y\n"), Contains("b.csv:302:") && Contains("unexpected character after closing quote"));
    CHECK_THAT(error_of(good + ",x\n"), Contains("b.csv:302: field 'a': value is required"));
    CHECK(error_of(good) == "(no error)");
}

TEST_CASE("CsvReader: header errors, typed cells of earlier rows, seek in memory", "[io]") {
    CHECK_THROWS_WITH(chaingap::CsvReader(std::string_view("a,a\n1,2\n"), "h.csv"), Contains("h.csv:1:") && Contains("duplicate column"));
    CHECK_THROWS_WITH(chaingap::CsvReader(std::string_view("a,,b\n"), "h.csv"), Contains("empty column name"));
    CHECK_THROWS_WITH(chaingap::CsvReader(std::string_view("\xEF\xBB\xBF"), "h.csv"), Contains("h.csv:1:") && Contains("empty file"));
    const std::string text = "id,v\nx,\"1\n\"\ny,2.5\nz,abc\n";
    chaingap::CsvReader r(text, "t.csv");
    REQUIRE(r.next());
    const std::size_t offset0 = r.offset();
    CHECK_THROWS_WITH(r.number(1), Contains("t.csv:2: field 'v': not a number"));  // "1\n" is not a number
    REQUIRE(r.next());
    CHECK(r.line() == 4);
    CHECK(*r.number(1) == 2.5);
    REQUIRE(r.next());
    CHECK_FALSE(r.next());
    CHECK(r.line_of(0) == 2);
    CHECK(r.line_of(2) == 5);
    CHECK_THROWS_WITH(r.number_of("abc", 2, 1), Contains("t.csv:5: field 'v': not a number: 'abc'"));
    CHECK_THROWS_WITH(r.integer_of("1.5", 1, 1), Contains("t.csv:4: field 'v': not a whole number"));
    r.seek(offset0, 0, 2);
    REQUIRE(r.next());
    CHECK(r.text(0) == "x");
    CHECK(r.line() == 2);
    CHECK(r.estimated_rows() >= 3);
}
