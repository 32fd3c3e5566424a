// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatordocuments.h"

namespace cidadao::data::generator {

namespace {

int checkDigit(const std::string& digits, const int* weights, int count)
{
    int sum = 0;
    for (int i = 0; i < count; ++i)
        sum += (digits[std::size_t(i)] - '0') * weights[i];
    const int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
}

std::string zeroPadded(std::uint64_t value, int width)
{
    std::string out(std::size_t(width), '0');
    for (int i = width - 1; i >= 0 && value; --i, value /= 10)
        out[std::size_t(i)] = char('0' + value % 10);
    return out;
}

constexpr int kCnpjFirst[] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
constexpr int kCnpjSecond[] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
constexpr int kCpfFirst[] = {10, 9, 8, 7, 6, 5, 4, 3, 2};
constexpr int kCpfSecond[] = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};

} // namespace

std::string makeCnpj(std::uint32_t root)
{
    std::string cnpj = zeroPadded(root % 100000000u, 8) + "0001";
    cnpj += char('0' + checkDigit(cnpj, kCnpjFirst, 12));
    cnpj += char('0' + checkDigit(cnpj, kCnpjSecond, 13));
    return cnpj;
}

std::string companyCnpj(std::uint32_t index)
{
    // i ↦ i·a + b mod 10^8 is a bijection because a is odd and not a multiple of 5.
    return makeCnpj(std::uint32_t((std::uint64_t(index) * 2654435761ull + 10203040ull) % 100000000ull));
}

std::string breakCheckDigit(const std::string& document)
{
    std::string out = document;
    char& last = out.back();
    last = char('0' + (last - '0' + 1 + (out.size() % 7)) % 10);
    if (last == document.back())
        last = char('0' + (last - '0' + 1) % 10);
    return out;
}

bool cnpjCheckDigitsValid(const std::string& digits)
{
    if (digits.size() != 14)
        return false;
    return checkDigit(digits, kCnpjFirst, 12) == digits[12] - '0'
        && checkDigit(digits, kCnpjSecond, 13) == digits[13] - '0';
}

std::string makeCpf(std::uint32_t base)
{
    std::string cpf = zeroPadded(base % 1000000000u, 9);
    if (cpf.find_first_not_of(cpf[0]) == std::string::npos)
        cpf[8] = char('0' + (cpf[8] - '0' + 1) % 10);
    cpf += char('0' + checkDigit(cpf, kCpfFirst, 9));
    cpf += char('0' + checkDigit(cpf, kCpfSecond, 10));
    return cpf;
}

std::string maskCpf(const std::string& cpf)
{
    return "***." + cpf.substr(3, 3) + '.' + cpf.substr(6, 3) + "-**";
}

} // namespace cidadao::data::generator
