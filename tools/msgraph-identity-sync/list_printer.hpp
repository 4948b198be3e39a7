// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "call_options.hpp"
#include "cli_error.hpp"
#include "error_report.hpp"
#include "output.hpp"
#include "standard_output.hpp"
#include "terminal_text.hpp"

/// @file
/// The listing verbs' output: every page of a collection, printed as it arrives so that only
/// the current page is in memory.

namespace msgraph_cli {

/// A column of a text listing: its heading and its width (the last column's is not used).
struct ListColumn {
  std::string_view heading;
  std::size_t width;
};

/// How many characters `text` (valid UTF-8, as terminalSafe leaves it) shows: its bytes that
/// start a character.
inline std::size_t shownLength(const std::string& text) {
  std::size_t length = 0;
  for (const char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return length;
}

/// Prints `cells` as one row of `columns`, each cell escaped for the terminal and padded by the
/// characters it shows, not its bytes.
inline void printRow(const std::vector<ListColumn>& columns,
                     const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    std::string cell = terminalSafe(cells[i]);
    if (i + 1 < columns.size()) {
      const std::size_t shown = shownLength(cell);
      if (shown < columns[i].width) cell.append(columns[i].width - shown, ' ');
      cell += ' ';
    }
    std::cout << cell;
  }
  std::cout << '\n';
}

/// Sends `request` (a list request with `pages()`) and prints every item of every page: a JSON
/// array with one item a line, or with `--output text` a table of `columns` whose cells
/// `cellsOf(item)` gives. With --what-if prints the first page's request instead.
/// @return the exit code; a page that fails ends the listing with its error.
template <typename ListRequest, typename CellsOf>
ExitCode printEveryPage(ListRequest request, const Arguments& args,
                        const std::vector<ListColumn>& columns, CellsOf cellsOf) {
  applyCommonOptions(request, args);
  if (args.raw.whatIf) {
    printWhatIf(request.whatIf(), "");
    return kExitSuccess;
  }
  const bool json = args.output == OutputFormat::Json;
  std::size_t count = 0;
  auto pages = request.pages();
  while (pages.hasNext()) {
    const auto page = pages.next();
    if (!page.ok()) return reportError(page.error(), args);
    if (!page.value().value) continue;
    for (const auto& item : page.value().value->value) {
      if (json) {
        std::cout << (count == 0 ? "[\n" : ",\n") << terminalSafeJson(item.toJson());
      } else {
        if (count == 0) {
          std::vector<std::string> headings;
          for (const ListColumn& column : columns) headings.emplace_back(column.heading);
          printRow(columns, headings);
        }
        printRow(columns, cellsOf(item));
      }
      ++count;
    }
    flushStandardOutput();  // each page as it arrives; output that fails ends the listing
  }
  if (json) std::cout << (count == 0 ? "[]\n" : "\n]\n");
  return kExitSuccess;
}

}  // namespace msgraph_cli
