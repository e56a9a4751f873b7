// The renderer files of report/, each defining one format (listed in render.cpp's registry).
#pragma once
#include "chaingap/report/report.hpp"

namespace chaingap::formats {
RendererInfo text();
RendererInfo json();
RendererInfo csv();
RendererInfo xlsx();
}  // namespace chaingap::formats
