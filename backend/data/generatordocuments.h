// SPDX-License-Identifier: GPL-3.0-or-later
// Taxpayer ids for synthetic people and companies: CNPJs with correct check digits (DATA.md weights),
// deliberately broken ones for the invalid_document injections, and Portal-style masked CPFs.
#pragma once

#include <cstdint>
#include <string>

namespace cidadao::data::generator {

class GeneratorRandom;

// A company's CNPJ from an index: distinct indexes (< 10^8) always give distinct roots, so each
// kind of entity takes its own index range and no two entities share an id by accident.
std::string companyCnpj(std::uint32_t index);
// 14 digits: an 8-digit root from `root`, branch 0001, two check digits.
std::string makeCnpj(std::uint32_t root);
// The same id with its last check digit changed, so the check fails.
std::string breakCheckDigit(const std::string& document);
bool cnpjCheckDigitsValid(const std::string& digits);
// 11 digits with valid check digits (never all equal).
std::string makeCpf(std::uint32_t base);
// The Portal's privacy mask of a CPF: "***.ddd.ddd-**" (digits 4..9).
std::string maskCpf(const std::string& cpf);

} // namespace cidadao::data::generator
