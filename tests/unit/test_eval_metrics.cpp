// Ranking metrics against values worked out by hand (comments show the arithmetic).
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "chaingap/eval/metrics.hpp"

using namespace chaingap;

TEST_CASE("metrics of a list without ties", "[eval]") {
    const std::vector<double> s = {0.9, 0.8, 0.7, 0.6};
    const std::vector<std::uint8_t> l = {1, 0, 1, 0};
    // (pos, neg) pairs won: 0.9>0.8, 0.9>0.6, 0.7>0.6; lost 0.7<0.8 → 3/4
    CHECK(roc_auc(s, l) == Approx(0.75));
    // precision at each positive: 1/1 and 2/3, each worth recall 1/2
    CHECK(average_precision(s, l) == Approx(0.5 * 1.0 + 0.5 * 2.0 / 3.0));
    CHECK(precision_at(s, l, 1) == Approx(1.0));
    CHECK(precision_at(s, l, 2) == Approx(0.5));
    CHECK(precision_at(s, l, 3) == Approx(2.0 / 3.0));
    // DCG@2 = 1/log2(2) = 1; ideal = 1 + 1/log2(3)
    CHECK(ndcg_at(s, l, 2) == Approx(1.0 / (1.0 + 1.0 / std::log2(3.0))));
    // DCG@4 = 1 + 1/log2(4) = 1.5; ideal 1 + 1/log2(3)
    CHECK(ndcg_at(s, l, 4) == Approx(1.5 / (1.0 + 1.0 / std::log2(3.0))));
    CHECK(reciprocal_rank(s, l) == Approx(1.0));
    CHECK(reciprocal_rank({0.9, 0.8, 0.7}, {0, 0, 1}) == Approx(1.0 / 3.0));
}

TEST_CASE("ties count as the expectation over random orders", "[eval]") {
    const std::vector<double> s = {1, 1, 0};
    const std::vector<std::uint8_t> l = {1, 0, 0};
    // the positive ties one negative (½) and beats the other (1): (½ + 1) / 2
    CHECK(roc_auc(s, l) == Approx(0.75));
    // one threshold holds both tied items: recall 1 at precision ½
    CHECK(average_precision(s, l) == Approx(0.5));
    CHECK(precision_at(s, l, 1) == Approx(0.5));
    // rank 1 or 2 with probability ½ each: (1 + ½) / 2
    CHECK(reciprocal_rank(s, l) == Approx(0.75));
    // expected DCG@1 = ½ · 1; ideal 1
    CHECK(ndcg_at(s, l, 1) == Approx(0.5));
    // all tied: AUC ½ whatever the labels
    CHECK(roc_auc({2, 2, 2, 2}, {1, 0, 0, 1}) == Approx(0.5));
    // 4 tied, 2 positives: first positive at rank 1 w.p. ½, rank 2 w.p. 1/3, rank 3 w.p. 1/6
    CHECK(reciprocal_rank({2, 2, 2, 2}, {1, 0, 0, 1}) == Approx(0.5 + 1.0 / 6.0 + 1.0 / 18.0));
}

TEST_CASE("a perfect and a reversed ranking", "[eval]") {
    const std::vector<double> s = {5, 4, 3, 2, 1};
    CHECK(roc_auc(s, {1, 1, 0, 0, 0}) == Approx(1.0));
    CHECK(average_precision(s, {1, 1, 0, 0, 0}) == Approx(1.0));
    CHECK(ndcg_at(s, {1, 1, 0, 0, 0}, 20) == Approx(1.0));
    CHECK(roc_auc(s, {0, 0, 0, 1, 1}) == Approx(0.0));
    // precisions 1/4 and 2/5 at the two positives
    CHECK(average_precision(s, {0, 0, 0, 1, 1}) == Approx(0.5 * 0.25 + 0.5 * 0.4));
}

TEST_CASE("group weights equal repeating the group's candidates", "[eval]") {
    // groups: 0 = {0.9:1, 0.5:0, 0.2:0}, 1 = {0.8:0, 0.4:1, 0.1:0}, 2 = {0.7:0, 0.3:0}
    const std::vector<double> s = {0.9, 0.5, 0.2, 0.8, 0.4, 0.1, 0.7, 0.3};
    const std::vector<std::uint8_t> l = {1, 0, 0, 0, 1, 0, 0, 0};
    const std::vector<std::int32_t> g = {0, 0, 0, 1, 1, 1, 2, 2};
    const RankedList list(s, l, g, 3);
    const RankingMetrics plain = list.evaluate();
    CHECK(plain.roc_auc == Approx(roc_auc(s, l)));
    CHECK(plain.pr_auc == Approx(average_precision(s, l)));
    // MRR per region: region 0 first positive at rank 1, region 1 at rank 2; region 2 has none
    CHECK(plain.mrr == Approx((1.0 + 0.5) / 2));
    // weights {2, 1, 0}: region 0 twice, region 2 dropped
    const RankingMetrics w = list.evaluate({2, 1, 0});
    const std::vector<double> s2 = {0.9, 0.5, 0.2, 0.9, 0.5, 0.2, 0.8, 0.4, 0.1};
    const std::vector<std::uint8_t> l2 = {1, 0, 0, 1, 0, 0, 0, 1, 0};
    CHECK(w.roc_auc == Approx(roc_auc(s2, l2)));
    CHECK(w.pr_auc == Approx(average_precision(s2, l2)));
    CHECK(w.precision[0] == Approx(precision_at(s2, l2, 20)));
    CHECK(w.ndcg[1] == Approx(ndcg_at(s2, l2, 100)));
    CHECK(w.mrr == Approx((2 * 1.0 + 0.5) / 3));
    // k beyond the list: precision over the whole list, recall 1
    CHECK(plain.precision[0] == Approx(2.0 / 8.0));
    CHECK(plain.recall[0] == Approx(1.0));
}

TEST_CASE("bootstrap evaluation by runs agrees bit for bit with the pass over every candidate", "[eval]") {
    // many ties (scores on a coarse grid), 40 regions, random whole-number region weights
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = 500 + static_cast<std::size_t>(rng() % 1500), regions = 40;
        const int grid = 1 + static_cast<int>(rng() % 60);  // 1: every score tied
        std::vector<double> s(n);
        std::vector<std::uint8_t> l(n);
        std::vector<std::int32_t> g(n);
        for (std::size_t i = 0; i < n; ++i) {
            s[i] = static_cast<double>(rng() % static_cast<std::uint64_t>(grid)) / grid;
            l[i] = rng() % 7 == 0 ? 1 : 0;
            g[i] = static_cast<std::int32_t>(rng() % regions);
        }
        const RankedList list(s, l, g, regions);
        std::vector<std::vector<double>> ws;  // 11: one batch of 8 lanes and a partial one
        for (int b = 0; b < 11; ++b) {
            std::vector<double> w(regions, 0.0);
            for (std::size_t i = 0; i < regions; ++i) w[rng() % regions] += 1;
            ws.push_back(w);
        }
        const std::vector<RankingMetrics> batch = list.evaluate_batch(ws);
        REQUIRE(batch.size() == ws.size());
        for (std::size_t b = 0; b < ws.size(); ++b) {
            const RankingMetrics& fast = batch[b];
            const RankingMetrics ref = list.evaluate_reference(ws[b]);
            const RankingMetrics one = list.evaluate(ws[b]);
            CHECK(one.pr_auc == ref.pr_auc);
            CHECK(one.ndcg == ref.ndcg);
            CHECK(fast.roc_auc == ref.roc_auc);
            CHECK(fast.pr_auc == ref.pr_auc);
            CHECK(fast.mrr == ref.mrr);
            CHECK(fast.precision == ref.precision);
            CHECK(fast.recall == ref.recall);
            CHECK(fast.ndcg == ref.ndcg);
        }
        // all weights 1 is the plain list, against the single-list helpers
        const RankingMetrics plain = list.evaluate();
        CHECK(plain.roc_auc == Approx(roc_auc(s, l)));
        CHECK(plain.pr_auc == Approx(average_precision(s, l)));
        CHECK(plain.precision[1] == Approx(precision_at(s, l, 100)));
    }
}
