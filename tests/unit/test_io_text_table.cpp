#include <catch2/catch.hpp>

#include "chaingap/core/text_table.hpp"

using namespace chaingap;

TEST_CASE("display width counts CJK as two columns", "[io]") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("半导体") == 6);
    CHECK(display_width("SiC材料") == 7);
    CHECK(display_width("（合成）") == 8);  // fullwidth parentheses
    CHECK(display_width("›") == 1);
}

TEST_CASE("table columns line up with mixed Chinese and ASCII", "[io]") {
    TextTable t({"name", "n"}, {false, true});
    t.add_row({"刻蚀设备", "5"});
    t.add_row({"IGBT", "12"});
    std::string s = t.render();
    // Every line's "n" column ends at the same display column.
    std::vector<std::size_t> ends;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        ends.push_back(display_width(std::string_view(s).substr(start, nl - start)));
        start = nl + 1;
    }
    REQUIRE(ends.size() == 4);
    CHECK(ends[0] == ends[1]);
    CHECK(ends[0] == ends[2]);
    CHECK(ends[0] == ends[3]);
}
