// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorcatalog.h"

#include <array>

namespace cidadao::data::generator {

namespace {

using namespace std::string_view_literals;

constexpr OrganEntry kSaude[] = {
    {36000, "Ministério da Saúde - Unidades com vínculo direto"sv},
    {36201, "Fundação Oswaldo Cruz"sv},
    {36211, "Fundação Nacional de Saúde"sv},
    {36212, "Agência Nacional de Vigilância Sanitária"sv},
};
constexpr OrganEntry kEducacao[] = {
    {26101, "Ministério da Educação - Unidades com vínculo direto"sv},
    {26232, "Universidade Federal da Bahia"sv},
    {26236, "Universidade Federal Fluminense"sv},
    {26238, "Universidade Federal de Minas Gerais"sv},
    {26443, "Empresa Brasileira de Serviços Hospitalares"sv},
};
constexpr OrganEntry kDefesa[] = {
    {52121, "Comando do Exército"sv},
    {52131, "Comando da Marinha"sv},
    {52111, "Comando da Aeronáutica"sv},
};
constexpr OrganEntry kJustica[] = {
    {30108, "Departamento de Polícia Federal"sv},
    {30107, "Departamento de Polícia Rodoviária Federal"sv},
    {30101, "Ministério da Justiça e Segurança Pública - Unidades com vínculo direto"sv},
};
constexpr OrganEntry kFazenda[] = {
    {25201, "Banco Central do Brasil"sv},
    {25000, "Ministério da Fazenda - Unidades com vínculo direto"sv},
    {25203, "Comissão de Valores Mobiliários"sv},
};
constexpr OrganEntry kAgricultura[] = {
    {22000, "Ministério da Agricultura e Pecuária - Unidades com vínculo direto"sv},
    {22202, "Empresa Brasileira de Pesquisa Agropecuária"sv},
    {22211, "Companhia Nacional de Abastecimento"sv},
};
constexpr OrganEntry kCiencia[] = {
    {24000, "Ministério da Ciência, Tecnologia e Inovação - Unidades com vínculo direto"sv},
    {24201, "Conselho Nacional de Desenvolvimento Científico e Tecnológico"sv},
    {24205, "Agência Espacial Brasileira"sv},
};
constexpr OrganEntry kTransportes[] = {
    {39252, "Departamento Nacional de Infraestrutura de Transportes"sv},
    {39250, "Agência Nacional de Transportes Terrestres"sv},
};
constexpr OrganEntry kMeioAmbiente[] = {
    {44201, "Instituto Brasileiro do Meio Ambiente e dos Recursos Naturais Renováveis"sv},
    {44207, "Instituto Chico Mendes de Conservação da Biodiversidade"sv},
};
constexpr OrganEntry kTrabalho[] = {
    {38000, "Ministério do Trabalho e Emprego - Unidades com vínculo direto"sv},
    {33904, "Instituto Nacional do Seguro Social"sv},
};
constexpr OrganEntry kIntegracao[] = {
    {53000, "Ministério da Integração e do Desenvolvimento Regional - Unidades com vínculo direto"sv},
    {53202, "Departamento Nacional de Obras Contra as Secas"sv},
    {53204, "Companhia de Desenvolvimento dos Vales do São Francisco e do Parnaíba"sv},
};
constexpr OrganEntry kCultura[] = {
    {42000, "Ministério da Cultura - Unidades com vínculo direto"sv},
    {42204, "Instituto do Patrimônio Histórico e Artístico Nacional"sv},
};
constexpr OrganEntry kPresidencia[] = {
    {20101, "Presidência da República"sv},
    {20113, "Controladoria-Geral da União"sv},
};

constexpr SuperiorOrganEntry kSuperiorOrgans[] = {
    {36000, "Ministério da Saúde"sv, 250, "Núcleo Estadual do Ministério da Saúde"sv, kSaude},
    {26000, "Ministério da Educação"sv, 153, "Campus"sv, kEducacao},
    {52000, "Ministério da Defesa"sv, 160, "Batalhão de Infantaria"sv, kDefesa},
    {30000, "Ministério da Justiça e Segurança Pública"sv, 200, "Superintendência Regional"sv, kJustica},
    {25000, "Ministério da Fazenda"sv, 170, "Delegacia Regional"sv, kFazenda},
    {22000, "Ministério da Agricultura e Pecuária"sv, 130, "Superintendência Federal de Agricultura"sv, kAgricultura},
    {24000, "Ministério da Ciência, Tecnologia e Inovação"sv, 240, "Unidade de Pesquisa"sv, kCiencia},
    {39000, "Ministério dos Transportes"sv, 393, "Superintendência Regional do DNIT"sv, kTransportes},
    {44000, "Ministério do Meio Ambiente e Mudança do Clima"sv, 193, "Superintendência do IBAMA"sv, kMeioAmbiente},
    {40000, "Ministério do Trabalho e Emprego"sv, 380, "Superintendência Regional do Trabalho"sv, kTrabalho},
    {53000, "Ministério da Integração e do Desenvolvimento Regional"sv, 530, "Coordenação Estadual"sv, kIntegracao},
    {42000, "Ministério da Cultura"sv, 340, "Superintendência do IPHAN"sv, kCultura},
    {20000, "Presidência da República"sv, 110, "Secretaria de Administração"sv, kPresidencia},
};

// Medians spread over two decades so that UG and supplier values cover every first digit; the
// spread inside one class stays narrow (see generatorcontracts.cpp).
constexpr ObjectClassEntry kClasses[] = {
    {"Aquisição de material de expediente"sv, Procurement::Goods, false, 18500, 0.22, false},
    {"Aquisição de produtos de limpeza e higienização"sv, Procurement::Goods, false, 26400, 0.25, false},
    {"Aquisição de gêneros alimentícios"sv, Procurement::Goods, false, 61800, 0.28, false},
    {"Aquisição de medicamentos"sv, Procurement::Goods, false, 243000, 0.30, false},
    {"Aquisição de insumos médico-hospitalares"sv, Procurement::Goods, false, 152000, 0.26, false},
    {"Aquisição de computadores e periféricos"sv, Procurement::Goods, false, 118000, 0.60, false},
    {"Aquisição de mobiliário corporativo"sv, Procurement::Goods, false, 44700, 0.24, false},
    {"Fornecimento de combustíveis automotivos"sv, Procurement::Goods, false, 91300, 0.20, false},
    {"Aquisição de material de construção"sv, Procurement::Goods, false, 34900, 0.18, false},
    {"Aquisição de uniformes e equipamentos de proteção individual"sv, Procurement::Goods, false, 29800, 0.21, false},
    {"Aquisição de livros e material didático"sv, Procurement::Goods, false, 39600, 0.19, false},
    {"Aquisição de veículos utilitários"sv, Procurement::Goods, false, 384000, 0.0, false},
    {"Prestação de serviços de limpeza e conservação predial"sv, Procurement::Services, false, 526000, 0.0, false},
    {"Prestação de serviços de vigilância patrimonial armada"sv, Procurement::Services, false, 648000, 0.0, false},
    {"Contratação de serviços de tecnologia da informação"sv, Procurement::Services, false, 812000, 0.0, true},
    {"Contratação de serviços de telefonia fixa e móvel"sv, Procurement::Services, false, 163000, 0.27, false},
    {"Locação de veículos com motorista"sv, Procurement::Services, false, 283000, 0.0, false},
    {"Capacitação de servidores em gestão pública"sv, Procurement::Services, false, 27600, 0.60, true},
    {"Consultoria técnica especializada"sv, Procurement::Services, false, 112000, 0.60, true},
    {"Impressão de material gráfico institucional"sv, Procurement::Services, false, 21900, 0.23, false},
    {"Manutenção corretiva de equipamentos laboratoriais"sv, Procurement::Services, false, 55400, 0.60, false},
    {"Apoio administrativo terceirizado"sv, Procurement::Services, false, 703000, 0.0, false},
    {"Reforma de edificação pública"sv, Procurement::Works, true, 657000, 0.25, false},
    {"Pavimentação asfáltica de vias"sv, Procurement::Works, false, 1230000, 0.0, false},
    {"Locação de imóvel para funcionamento de unidade descentralizada"sv, Procurement::Services, false, 212000, 0.0, false},
    {"Manutenção de instalações elétricas prediais"sv, Procurement::Works, false, 96700, 0.30, false},
    {"Licenciamento de software corporativo"sv, Procurement::Services, false, 141000, 0.0, true},
    {"Seguro de frota veicular"sv, Procurement::Services, false, 23800, 0.26, false},
    {"Agenciamento de passagens aéreas"sv, Procurement::Services, false, 74500, 0.22, false},
    {"Aquisição de reagentes laboratoriais"sv, Procurement::Goods, false, 66200, 0.27, false},
    {"Instalação de aparelhos de ar condicionado"sv, Procurement::Goods, false, 47900, 0.24, false},
    {"Manutenção de elevadores"sv, Procurement::Services, false, 38300, 0.29, false},
};

constexpr PlaceEntry kPlaces[] = {
    {"DF"sv, 9701, "Brasília"sv},         {"SP"sv, 7107, "São Paulo"sv},
    {"RJ"sv, 6001, "Rio de Janeiro"sv},   {"MG"sv, 4123, "Belo Horizonte"sv},
    {"BA"sv, 3849, "Salvador"sv},         {"PE"sv, 2531, "Recife"sv},
    {"CE"sv, 1389, "Fortaleza"sv},        {"PA"sv, 427, "Belém"sv},
    {"AM"sv, 255, "Manaus"sv},            {"RS"sv, 8801, "Porto Alegre"sv},
    {"PR"sv, 7535, "Curitiba"sv},         {"SC"sv, 8105, "Florianópolis"sv},
    {"GO"sv, 9373, "Goiânia"sv},          {"MA"sv, 921, "São Luís"sv},
    {"PB"sv, 2051, "João Pessoa"sv},      {"RN"sv, 1761, "Natal"sv},
    {"AL"sv, 2785, "Maceió"sv},           {"SE"sv, 3105, "Aracaju"sv},
    {"PI"sv, 1219, "Teresina"sv},         {"MT"sv, 9067, "Cuiabá"sv},
    {"MS"sv, 9051, "Campo Grande"sv},     {"ES"sv, 5705, "Vitória"sv},
    {"TO"sv, 9733, "Palmas"sv},           {"RO"sv, 3, "Porto Velho"sv},
    {"AC"sv, 139, "Rio Branco"sv},        {"AP"sv, 605, "Macapá"sv},
    {"RR"sv, 301, "Boa Vista"sv},         {"SP"sv, 6291, "Campinas"sv},
    {"MG"sv, 5403, "Uberlândia"sv},       {"PR"sv, 7479, "Londrina"sv},
    {"BA"sv, 3515, "Feira de Santana"sv}, {"RS"sv, 8791, "Pelotas"sv},
};

constexpr RoleEntry kRoles[] = {
    {"ANALISTA ADMINISTRATIVO"sv, 13800},        {"TECNICO ADMINISTRATIVO"sv, 8200},
    {"PROFESSOR DO MAGISTERIO SUPERIOR"sv, 17400}, {"MEDICO"sv, 16800},
    {"AGENTE DE POLICIA FEDERAL"sv, 14900},      {"AUDITOR FISCAL DA RECEITA FEDERAL"sv, 24100},
    {"ENFERMEIRO"sv, 9800},                      {"ASSISTENTE EM ADMINISTRACAO"sv, 5600},
    {"ANALISTA DE TECNOLOGIA DA INFORMACAO"sv, 12600}, {"PESQUISADOR"sv, 18900},
    {"ENGENHEIRO"sv, 13300},                     {"PROCURADOR FEDERAL"sv, 25700},
};

constexpr std::string_view kDestinations[] = {
    "da Coordenação-Geral de Logística"sv, "do Hospital Universitário"sv, "da Superintendência Regional"sv,
    "das unidades descentralizadas"sv, "do Laboratório Central"sv, "da Diretoria de Administração"sv,
    "do Almoxarifado Central"sv, "da sede administrativa"sv, "do campus avançado"sv,
    "da Divisão de Manutenção"sv, "dos postos de atendimento"sv, "da Biblioteca Central"sv,
    "do Centro de Pesquisas"sv, "da Gerência Executiva"sv, "das escolas de aplicação"sv,
    "do Núcleo de Operações"sv, "da Unidade de Pronto Atendimento"sv, "do Arquivo Nacional Regional"sv,
    "da Escola de Governo"sv, "do Parque Tecnológico"sv, "da frota oficial"sv, "do auditório principal"sv,
    "das bases operacionais"sv, "do setor de protocolo"sv,
};

constexpr std::string_view kQualifiers[] = {
    "conforme termo de referência"sv, "conforme especificações do edital"sv, "nos termos do projeto básico"sv,
    "de acordo com o estudo técnico preliminar"sv, "mediante sistema de registro de preços"sv,
    "para atendimento de demanda anual"sv, "em regime de empreitada por preço unitário"sv,
    "com entrega parcelada"sv, "incluindo garantia e assistência técnica"sv, "para o exercício corrente"sv,
};

constexpr std::string_view kCompanyWords[] = {
    "Alvorada"sv, "Horizonte"sv, "Planalto"sv, "Cerrado"sv, "Atlântica"sv, "Paranaense"sv, "Nordeste"sv,
    "Amazônia"sv, "Pioneira"sv, "Central"sv, "Capital"sv, "Ipê"sv, "Jacarandá"sv, "Aroeira"sv, "Guará"sv,
    "Tucano"sv, "Sabiá"sv, "Carioca"sv, "Mineira"sv, "Gaúcha"sv, "Potiguar"sv, "Cearense"sv, "Baiana"sv,
    "União"sv, "Progresso"sv, "Brasil"sv, "Nacional"sv, "Estrela"sv, "Aliança"sv, "Vitória"sv, "Real"sv,
    "Líder"sv, "Prisma"sv, "Vértice"sv, "Delta"sv, "Omega"sv, "Sigma"sv, "Nova Era"sv, "Serra Azul"sv,
    "Rio Claro"sv, "Boa Esperança"sv, "Santa Clara"sv, "São Jorge"sv, "Três Irmãos"sv, "Bandeirante"sv,
};

constexpr std::string_view kCompanySectors[] = {
    "Comércio de Materiais"sv, "Serviços Gerais"sv, "Engenharia"sv, "Construções"sv, "Tecnologia"sv,
    "Distribuidora"sv, "Soluções Empresariais"sv, "Comércio e Serviços"sv, "Consultoria"sv,
    "Alimentos"sv, "Medicamentos"sv, "Equipamentos"sv, "Transportes"sv, "Informática"sv, "Papelaria"sv,
};

constexpr std::string_view kCompanySuffixes[] = {"LTDA"sv, "LTDA"sv, "LTDA"sv, "S.A."sv, "EIRELI"sv, "ME"sv, "EPP"sv};

constexpr std::string_view kFirstNames[] = {
    "MARIA"sv, "JOSÉ"sv, "ANA"sv, "JOÃO"sv, "ANTÔNIO"sv, "FRANCISCA"sv, "CARLOS"sv, "PAULO"sv, "LUCAS"sv,
    "JULIANA"sv, "FERNANDA"sv, "MARCOS"sv, "PATRÍCIA"sv, "RAFAEL"sv, "ALINE"sv, "SÉRGIO"sv, "CLÁUDIA"sv,
    "LUÍS"sv, "BEATRIZ"sv, "RICARDO"sv, "CONCEIÇÃO"sv, "TÂNIA"sv, "FÁBIO"sv, "MÁRCIA"sv,
};

constexpr std::string_view kLastNames[] = {
    "SILVA"sv, "SANTOS"sv, "OLIVEIRA"sv, "SOUZA"sv, "RODRIGUES"sv, "FERREIRA"sv, "ALVES"sv, "PEREIRA"sv,
    "LIMA"sv, "GOMES"sv, "COSTA"sv, "RIBEIRO"sv, "MARTINS"sv, "CARVALHO"sv, "ARAÚJO"sv, "MELO"sv,
    "BARBOSA"sv, "CARDOSO"sv, "ROCHA"sv, "NASCIMENTO"sv, "CONCEIÇÃO"sv, "GONÇALVES"sv, "MAGALHÃES"sv,
};

constexpr std::string_view kStatuses[] = {"Ativo"sv, "Ativo"sv, "Ativo"sv, "Encerrado"sv, "Concluído"sv};

constexpr std::string_view kSanctionCategories[] = {
    "Impedimento/proibição de contratar com prazo determinado"sv,
    "Suspensão - Lei de Licitações"sv,
    "Declaração de Inidoneidade - Lei de Licitações"sv,
    "Proibição - Lei de Improbidade"sv,
};

constexpr std::string_view kSanctionGrounds[] = {
    "Art. 156, III da Lei nº 14.133/2021"sv,
    "Art. 87, III da Lei nº 8.666/1993"sv,
    "Art. 7º da Lei nº 10.520/2002"sv,
    "Art. 12 da Lei nº 8.429/1992"sv,
};

constexpr std::string_view kAgreementObjects[] = {
    "Construção de quadra poliesportiva coberta"sv, "Aquisição de equipamentos para unidade de saúde"sv,
    "Pavimentação de vias urbanas"sv, "Implantação de sistema de abastecimento de água"sv,
    "Apoio a projeto de inclusão digital"sv, "Reforma de escola municipal"sv,
    "Aquisição de máquinas agrícolas"sv, "Realização de festival cultural"sv,
    "Construção de centro de referência de assistência social"sv, "Recuperação de estradas vicinais"sv,
};

} // namespace

std::span<const SuperiorOrganEntry> superiorOrgans() { return kSuperiorOrgans; }
std::span<const ObjectClassEntry> objectClasses() { return kClasses; }
std::span<const PlaceEntry> places() { return kPlaces; }
std::span<const RoleEntry> roles() { return kRoles; }
std::span<const std::string_view> destinations() { return kDestinations; }
std::span<const std::string_view> objectQualifiers() { return kQualifiers; }
std::span<const std::string_view> companyWords() { return kCompanyWords; }
std::span<const std::string_view> companySectors() { return kCompanySectors; }
std::span<const std::string_view> companySuffixes() { return kCompanySuffixes; }
std::span<const std::string_view> firstNames() { return kFirstNames; }
std::span<const std::string_view> lastNames() { return kLastNames; }
std::span<const std::string_view> contractStatuses() { return kStatuses; }
std::span<const std::string_view> sanctionCategories() { return kSanctionCategories; }
std::span<const std::string_view> sanctionLegalGrounds() { return kSanctionGrounds; }
std::span<const std::string_view> agreementObjects() { return kAgreementObjects; }

} // namespace cidadao::data::generator
