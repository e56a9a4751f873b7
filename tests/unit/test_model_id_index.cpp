#include <catch2/catch.hpp>

#include "chaingap/model/id_index.hpp"

using chaingap::IdIndex;

TEST_CASE("IdIndex finds short and long ids and nothing else", "[model]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back((i % 2 ? "E" : "a-much-longer-enterprise-id-") + std::to_string(i));
    ids.push_back("");                       // empty id
    ids.push_back("exactly15chars!");        // the inline limit
    ids.push_back("sixteen-chars-ab");       // one past it
    ids.push_back("E1");                     // a repeat: the first index wins
    IdIndex index;
    index.build(ids);
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
        auto found = index.find(ids[i], ids);
        REQUIRE(found);
        REQUIRE(*found == static_cast<std::int32_t>(i));
    }
    CHECK(*index.find("E1", ids) == 1);
    CHECK_FALSE(index.find("E2", ids));  // even ids are long ones
    CHECK_FALSE(index.find("a-much-longer-enterprise-id-1", ids));
    CHECK_FALSE(index.find("exactly15chars?", ids));
    CHECK_FALSE(index.find("sixteen-chars-ac", ids));
    IdIndex empty;
    CHECK_FALSE(empty.find("x", ids));
}
