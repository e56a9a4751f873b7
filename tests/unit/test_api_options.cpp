// The request layer's option rules (api/options.hpp, core/parse.hpp): one parser for every front end.
#include <catch2/catch.hpp>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/parse.hpp"

using namespace chaingap;
using namespace chaingap::api;

TEST_CASE("numbers, whole numbers and lists parse the same way everywhere", "[api]") {
    CHECK(parse_number("0.25", "--x") == 0.25);
    CHECK(parse_number("1e3", "--x") == 1000.0);
    CHECK_THROWS_WITH(parse_number("abc", "--param weak_rca"), "--param weak_rca: not a number: 'abc'");
    CHECK_THROWS_WITH(parse_number("inf", "--x"), "--x: not a number: 'inf'");
    CHECK_THROWS_WITH(parse_number("", "--x"), "--x: not a number: ''");
    CHECK(parse_integer("0", "--top", 0, 100) == 0);
    CHECK_THROWS_WITH(parse_integer("-1", "--top", 0, std::numeric_limits<long long>::max()),
                      "--top must be a whole number ≥ 0, got '-1'");
    CHECK_THROWS_WITH(parse_integer("2.5", "--k", 1, 9), "--k must be a whole number in [1, 9], got '2.5'");
    CHECK(parse_list(" a, b,,c ,") == std::vector<std::string>{"a", "b", "c"});
    CHECK(parse_list("").empty());
    CHECK(parse_assignment("weak_rca=1.5", "--param") == std::pair<std::string, double>{"weak_rca", 1.5});
    CHECK_THROWS_WITH(parse_assignment("weak_rca", "--param"), "--param expects name=value, got 'weak_rca'");
}

TEST_CASE("options are checked against the request's declarations", "[api]") {
    const auto& specs = command("gaps").options;
    Options o;
    o.add("region", "500000");
    o.add("top", "5");
    o.add("param", "weak_rca=1.5");
    o.add("param", "single_point_risk=0.5");
    o.validate(specs);
    const GapsRequest r = GapsRequest::parse(o);
    CHECK(r.region == "500000");
    CHECK(r.top == 5);
    CHECK(r.params.weak_rca == 1.5);
    CHECK(r.params.single_point_risk == 0.5);

    Options twice;
    twice.add("region", "1");
    twice.add("region", "2");
    CHECK_THROWS_WITH(twice.validate(specs), "option --region given more than once");
    Options unknown;
    unknown.add("region", "1");
    unknown.add("colour", "red");
    CHECK_THROWS_WITH(unknown.validate(specs), "unknown option --colour (see --help)");
    Options missing;
    CHECK_THROWS_WITH(missing.validate(specs), "option --region is required (see --help)");
    Options bad_param;
    bad_param.add("region", "1");
    bad_param.add("param", "no_such=1");
    CHECK_THROWS_AS(GapsRequest::parse(bad_param), UsageError);
}

TEST_CASE("top means the same in gaps and targets: 0 is every row; defaults are declared once", "[api]") {
    Options g, t;
    g.add("region", "R");
    t.add("region", "R");
    CHECK(GapsRequest::parse(g).top == GapsRequest{}.top);
    CHECK(GapsRequest{}.top == 0);
    CHECK(TargetsRequest::parse(t).top == TargetsRequest{}.top);
    g.add("top", "0");
    t.add("top", "0");
    CHECK(GapsRequest::parse(g).top == 0);
    CHECK(TargetsRequest::parse(t).top == 0);
    Options neg;
    neg.add("region", "R");
    neg.add("top", "-3");
    CHECK_THROWS_WITH(TargetsRequest::parse(neg), "--top must be a whole number ≥ 0, got '-3'");
    CHECK_THROWS_WITH(GapsRequest::parse(neg), "--top must be a whole number ≥ 0, got '-3'");
}

TEST_CASE("targets take scoring and ranking parameters by name; lists accumulate", "[api]") {
    Options o;
    o.add("region", "R");
    o.add("param", "weak_rca=2");
    o.add("param", "quality=0.3");
    o.add("from-regions", "jingjinji, gba");
    o.add("from-regions", "500000");
    const TargetsRequest r = TargetsRequest::parse(o);
    CHECK(r.gap_params.weak_rca == 2);
    CHECK(r.rank_params.quality == 0.3);
    CHECK(r.from_regions == std::vector<std::string>{"jingjinji", "gba", "500000"});
    Options p;
    p.add("region", "R");
    p.add("portfolio", "0");
    CHECK_THROWS_WITH(TargetsRequest::parse(p), "--portfolio must be a whole number ≥ 1, got '0'");
}

TEST_CASE("every command's formats come from its report; an unknown format names the ones it has", "[api]") {
    Report r;
    r.text = [] { return std::vector<Block>{Block::line("x\n")}; };
    CHECK(render(r, "table") == "x\n");
    CHECK_THROWS_WITH(render(r, "csv"), "--format must be one of table, got 'csv'");
    r.tables = [] {
        Table t;
        t.name = "t";
        t.columns = {{"a", "甲"}, {"b", "乙", 12, true, Column::For::people}, {"c", "丙", 12, true, Column::For::machines}};
        t.add({Cell::str("x,y"), Cell::num(1.5, 2), Cell::integer(7)});
        return std::vector<Table>{t};
    };
    CHECK(render(r, "csv") == "a,c\n\"x,y\",7\n");
    CHECK(render(r, "csv", RenderOptions{true}) == "\xEF\xBB\xBF" "a,c\n\"x,y\",7\n");
    const std::string xlsx = render(r, "xlsx");
    CHECK(xlsx.substr(0, 2) == "PK");  // a zip container
    CHECK(formats_of(r) == std::vector<std::string>{"table", "csv", "xlsx"});
}
