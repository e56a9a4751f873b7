#include <catch2/catch.hpp>

#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"

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
