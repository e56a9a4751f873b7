#include "chaingap/eval/model.hpp"

#include "chaingap/eval/baselines.hpp"
#include "chaingap/eval/boosted.hpp"
#include "chaingap/eval/complexity.hpp"
#include "chaingap/eval/density.hpp"
#include "chaingap/eval/learned.hpp"
#include "chaingap/eval/link_prediction.hpp"
#include "chaingap/eval/propagation.hpp"
#include "chaingap/core/error.hpp"

namespace chaingap {

const std::vector<ModelInfo>& model_table() {
    static const std::vector<ModelInfo> table = {
        {"random", "uniform random scores (seeded)", random_scores},
        {"popularity", "ubiquity of the link: number of regions that have it", popularity_scores},
        {"diversity", "diversity of the region: number of links it has", diversity_scores},
        {"persistence", "recent entry continues: (1 + region's recent firms)(1 + link's recent firms)",
         persistence_scores},
        {"density", "relatedness density (Hidalgo et al. 2007)", density_scores},
        {"eci", "economic complexity index of the region (eigenvector form)", eci_scores},
        {"pci", "product (link) complexity index", pci_scores},
        {"cog", "complexity outlook gain (Hausmann et al. 2014)", cog_scores},
        {"ppr", "personalized PageRank on the chain graph seeded by the region's links", ppr_scores},
        {"katz", "Katz index on the chain graph seeded by the region's links", katz_scores},
        {"cn", "common neighbours on the region-link bipartite graph", cn_scores},
        {"aa", "Adamic-Adar on the region-link bipartite graph", aa_scores},
        {"ra", "resource allocation on the region-link bipartite graph", ra_scores},
        {"probs", "mass diffusion ProbS (Zhou et al. 2007)", probs_scores},
        {"learned", "logistic regression over the other models, trained before the cutoff", learned_scores},
        {"boosted", "gradient-boosted trees on gravity, hierarchy and relatedness features, stacked origins",
         boosted_scores},
    };
    return table;
}

const ModelInfo& require_model(std::string_view name) {
    for (const auto& m : model_table())
        if (name == m.name) return m;
    std::string known;
    for (const auto& m : model_table()) known += std::string(known.empty() ? "" : ", ") + m.name;
    throw UsageError("unknown model '" + std::string(name) + "' (known: " + known + ")");
}

Eigen::MatrixXd presence_matrix(const EvalState& s) {
    Eigen::MatrixXd m(s.regions, s.nodes);
    for (std::size_t r = 0; r < s.regions; ++r)
        for (std::size_t n = 0; n < s.nodes; ++n) m(r, n) = s.present[s.at(r, n)];
    return m;
}

std::vector<double> to_scores(const Eigen::MatrixXd& m) {
    std::vector<double> out(static_cast<std::size_t>(m.rows() * m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index n = 0; n < m.cols(); ++n) out[r * m.cols() + n] = m(r, n);
    return out;
}

}  // namespace chaingap
