#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the hand-made Portal da Transparência test files of tests/importers in the Portal's real
# format: ISO-8859-1 bytes (unless stated), ';' separator, every field double-quoted, CRLF.
# The files are committed; re-run this script only to change them (tests rely on their line numbers).
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def q(value):
    return '"' + value.replace('"', '""') + '"'


def write(name, header, rows, encoding="iso-8859-1", newline="\r\n", bom=False, raw_lines=None):
    lines = [";".join(q(h) for h in header)]
    for row in rows:
        lines.append(row if isinstance(row, str) else ";".join(q(v) for v in row))
    text = newline.join(lines) + newline
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


CONTRACT_HEADER = [
    "Número do Contrato", "Objeto", "Fundamento Legal", "Modalidade Compra", "Situação Contrato",
    "Código Órgão Superior", "Nome Órgão Superior", "Código Órgão", "Nome Órgão", "Código UG", "Nome UG",
    "Data Assinatura Contrato", "Data Publicação DOU", "Data Início Vigência", "Data Fim Vigência",
    "Código Contratado", "Nome Contratado", "Valor Inicial Compra", "Valor Final Compra", "Número Licitação",
    "Código UG Licitação", "Nome UG Licitação", "Código Modalidade Compra Licitação", "Modalidade Compra Licitação",
]


def contract(number, obj, signed, doc, name, initial, final, modality="Pregão", unit="153080", organ="26246"):
    return [number, obj, "Lei 14.133/2021, Art. 28, I", modality, "Vigente", "26000", "Ministério da Educação",
            organ, "Universidade Federal de Pernambuco", unit, "UNIVERSIDADE FEDERAL DE PERNAMBUCO", signed,
            signed, signed, "31/12/2024", doc, name, initial, final, "000012024", unit,
            "UNIVERSIDADE FEDERAL DE PERNAMBUCO", "05", "Pregão"]


# contracts_202401.csv: Latin-1, CRLF. Physical lines:
#  1 header
#  2 row 1: ';' and doubled quotes inside the object, 4-decimal values
#  3-4 row 2: a newline inside the object (the record spans two lines)
#  5 row 3: bad date 31/02/2024 (rejected: line 5, column Data Assinatura Contrato)
#  6 row 4: 23 fields (rejected: line 6)
#  7 row 5: bad number (rejected: line 7, column Valor Final Compra)
#  8 row 6: "1.234,56" thousands dots, masked CPF supplier, negative final value
rows = [
    contract("000012024", 'Aquisição de "papel A4"; resmas de 500 folhas', "15/01/2024", "03560714000142",
             "PAPELARIA ÁGUIA LTDA", "10665589,3300", "10665589,3300"),
    contract("000022024", "Serviços de limpeza\r\ncom fornecimento de material", "02/02/2024", "22.472.225/0001-83",
             "LIMPEZA SÃO JOSÉ S.A.", "54000,00", "59906,02", modality="Dispensa de Licitação"),
    contract("000032024", "Manutenção predial", "31/02/2024", "03560714000142", "PAPELARIA ÁGUIA LTDA",
             "100,00", "100,00"),
    contract("000042024", "Linha curta", "10/03/2024", "03560714000142", "PAPELARIA ÁGUIA LTDA",
             "1,00", "1,00")[:23],
    contract("000052024", "Valor ilegível", "11/03/2024", "03560714000142", "PAPELARIA ÁGUIA LTDA",
             "1,00", "12,34,5"),
    contract("000062024", "Consultoria", "12/03/2024", "***.017.623-**", "JOÃO DA SILVA",
             "1.234,56", "-1.234,5"),
]
write("contracts_202401.csv", CONTRACT_HEADER, rows)

# contracts_2019_old_header.csv: the older header spelling "CNPJ Contratado", LF line ends, an extra
# column the importer does not model (kept in raw).
old_header = list(CONTRACT_HEADER)
old_header[15] = "CNPJ Contratado"
old_header.append("Coluna Nova")
write("contracts_2019_old_header.csv", old_header, [
    contract("000012019", "Compra de computadores", "05/06/2019", "03560714000142", "INFORMÁTICA BRASÍLIA LTDA",
             "7999,9", "8000") + ["extra ç"],
    contract("000022019", "Compra de mesas", "06/06/2019", "22472225000183", "MÓVEIS IPÊ LTDA",
             "", "1500,5") + [""],
], newline="\n")

# contracts_utf8_bom.csv: UTF-8 with BOM.
write("contracts_utf8_bom.csv", CONTRACT_HEADER, [
    contract("000072024", "Aquisição de equipamentos de informática", "20/05/2024", "03560714000142",
             "EMPRESA AÇAÍ LTDA", "5000,00", "5000,00"),
], encoding="utf-8", bom=True)

# contracts_missing_column.csv: no "Código Contratado": rejected whole.
missing = [h for h in CONTRACT_HEADER if h != "Código Contratado"]
write("contracts_missing_column.csv", missing, [
    [v for i, v in enumerate(contract("000082024", "X", "01/01/2024", "03560714000142", "Y", "1,00", "1,00"))
     if i != 15],
])

BIDDING_HEADER = ["Número Licitação", "Código UG", "Nome UG", "Código Modalidade Compra", "Modalidade Compra",
                  "Número Processo", "Objeto", "Situação Licitação", "Código Órgão Superior", "Nome Órgão Superior",
                  "Código Órgão", "Nome Órgão", "UF", "Município", "Data Resultado Compra", "Data Abertura",
                  "Valor Licitação"]
write("biddings_202401_Licitacao.csv", BIDDING_HEADER, [
    ["000012024", "153080", "UFPE", "05", "Pregão", "23076.000001/2024-11", "Aquisição de papel", "Encerrado",
     "26000", "Ministério da Educação", "26246", "UFPE", "PE", "RECIFE", "20/01/2024", "10/01/2024", "12000,5000"],
    ["000022024", "153080", "UFPE", "05", "Pregão", "23076.000002/2024-11", "Serviço de vigilância", "Aberto",
     "26000", "Ministério da Educação", "26246", "UFPE", "PE", "RECIFE", "", "15/02/2024", ""],
])

PARTICIPANT_HEADER = ["Número Licitação", "Código UG", "Nome UG", "Código Modalidade Compra", "Modalidade Compra",
                      "Número Processo", "Código Órgão", "Nome Órgão", "Código Item Compra", "Descrição Item Compra",
                      "Código Participante", "Nome Participante", "Flag Vencedor"]
write("biddings_202401_ParticipantesLicitacao.csv", PARTICIPANT_HEADER, [
    ["000012024", "153080", "UFPE", "05", "Pregão", "23076.000001/2024-11", "26246", "UFPE", "1", "Papel A4",
     "03560714000142", "PAPELARIA ÁGUIA LTDA", "SIM"],
    ["000012024", "153080", "UFPE", "05", "Pregão", "23076.000001/2024-11", "26246", "UFPE", "1", "Papel A4",
     "22472225000183", "COMERCIAL IPÊ", "NÃO"],
    ["000012024", "153080", "UFPE", "05", "Pregão", "23076.000001/2024-11", "26246", "UFPE", "1", "Papel A4",
     "11111111000191", "TALVEZ LTDA", "TALVEZ"],
])

AGREEMENT_HEADER = ["NÚMERO CONVÊNIO", "UF", "CÓDIGO SIAFI MUNICÍPIO", "NOME MUNICÍPIO", "SITUAÇÃO CONVÊNIO",
                    "NÚMERO ORIGINAL", "NÚMERO PROCESSO DO CONVÊNIO", "OBJETO DO CONVÊNIO", "CÓDIGO ÓRGÃO SUPERIOR",
                    "NOME ÓRGÃO SUPERIOR", "CÓDIGO ÓRGÃO CONCEDENTE", "NOME ÓRGÃO CONCEDENTE", "CÓDIGO UG CONCEDENTE",
                    "NOME UG CONCEDENTE", "CÓDIGO CONVENENTE", "TIPO CONVENENTE", "NOME CONVENENTE",
                    "TIPO ENTE CONVENENTE", "TIPO INSTRUMENTO", "VALOR CONVÊNIO", "VALOR LIBERADO", "DATA PUBLICAÇÃO",
                    "DATA INÍCIO VIGÊNCIA", "DATA FINAL VIGÊNCIA", "VALOR CONTRAPARTIDA", "DATA ÚLTIMA LIBERAÇÃO",
                    "VALOR ÚLTIMA LIBERAÇÃO"]
write("agreements_convenios.csv", AGREEMENT_HEADER, [
    ["912345", "PE", "2531", "RECIFE", "EM EXECUÇÃO", "123/2023", "00001.000001/2023-00",
     "Construção de creche; fase 1", "26000", "Ministério da Educação", "26298", "FNDE", "153173", "FNDE",
     "10.565.000/0001-92", "Administração Pública Municipal", "MUNICÍPIO DE RECIFE", "Municipal", "Convênio",
     "1500000,00", "750000,00", "05/01/2024", "10/01/2024", "31/12/2025", "15000,00", "30/06/2024", "250000,00"],
])

EXPENSE_HEADER = ["Código Pagamento", "Código Pagamento Resumido", "Data Emissão", "Código Tipo Documento",
                  "Tipo Documento", "Código Órgão Superior", "Órgão Superior", "Código Órgão", "Órgão",
                  "Código Unidade Gestora", "Unidade Gestora", "Código Favorecido", "Favorecido",
                  "Elemento de Despesa", "Observação", "Processo", "Valor Original do Pagamento",
                  "Valor do Pagamento Convertido pra R$"]
write("expenses_20240115_Despesas_Pagamento.csv", EXPENSE_HEADER, [
    ["153080152342024OB000123", "2024OB000123", "15/01/2024", "OB", "Ordem Bancária", "26000",
     "Ministério da Educação", "26246", "UFPE", "153080", "UFPE", "03560714000142", "PAPELARIA ÁGUIA LTDA",
     "30", "Pagamento referente ao contrato 000012024", "23076.000001/2024-11", "12.000,50", "12000,5"],
    ["153080152342024OB000124", "2024OB000124", "16/01/2024", "OB", "Ordem Bancária", "26000",
     "Ministério da Educação", "26246", "UFPE", "153080", "UFPE", "***.017.623-**", "JOÃO DA SILVA",
     "36", "Diárias", "", "800,00", "800"],
])

PAY_HEADER = ["ANO", "MES", "Id_SERVIDOR_PORTAL", "CPF", "NOME", "REMUNERAÇÃO BÁSICA BRUTA (R$)",
              "REMUNERAÇÃO BÁSICA BRUTA (U$)", "ABATE-TETO (R$)", "ABATE-TETO (U$)", "GRATIFICAÇÃO NATALINA (R$)",
              "GRATIFICAÇÃO NATALINA (U$)", "FÉRIAS (R$)", "FÉRIAS (U$)", "OUTRAS REMUNERAÇÕES EVENTUAIS (R$)",
              "OUTRAS REMUNERAÇÕES EVENTUAIS (U$)", "IRRF (R$)", "IRRF (U$)", "PSS/RPGS (R$)", "PSS/RPGS (U$)",
              "DEMAIS DEDUÇÕES (R$)", "DEMAIS DEDUÇÕES (U$)", "REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (R$)",
              "REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (U$)", "TOTAL DE VERBAS INDENIZATÓRIAS (R$)(*)",
              "TOTAL DE VERBAS INDENIZATÓRIAS (U$)(*)"]


def pay(year, month, sid, cpf, name, gross, cut, net):
    return [year, month, sid, cpf, name, gross, "0,00", cut, "0,00", "0,00", "0,00", "0,00", "0,00", "0,00",
            "0,00", "1000,00", "0,00", "500,00", "0,00", "0,00", "0,00", net, "0,00", "0,00", "0,00"]


write("servants_202401_Remuneracao.csv", PAY_HEADER, [
    pay("2024", "01", "1000001", "***.017.623-**", "MARIA DAS GRAÇAS", "45000,00", "-3000,00", "40500,00"),
    pay("2024", "01", "1000002", "***.111.222-**", "JOSÉ ALVES", "12000,00", "0,00", "10500,00"),
    pay("2024", "13", "1000003", "***.333.444-**", "ANA PAULA", "9000,00", "0,00", "7500,00"),
])
CADASTRO_HEADER = ["Id_SERVIDOR_PORTAL", "NOME", "CPF", "MATRICULA", "DESCRICAO_CARGO", "CLASSE_CARGO",
                   "ORG_EXERCICIO", "SITUACAO_VINCULO", "DATA_INGRESSO_ORGAO"]
write("servants_202401_Cadastro.csv", CADASTRO_HEADER, [
    ["1000001", "MARIA DAS GRAÇAS", "***.017.623-**", "123***", "PROFESSOR DO MAGISTÉRIO SUPERIOR", "D",
     "Universidade Federal de Pernambuco", "ATIVO PERMANENTE", "01/03/2010"],
    ["1000001", "MARIA DAS GRAÇAS", "***.017.623-**", "123***", "DIRETOR", "CD",
     "Universidade Federal de Pernambuco", "ATIVO PERMANENTE", "01/03/2015"],
    ["1000002", "JOSÉ ALVES", "***.111.222-**", "456***", "ASSISTENTE EM ADMINISTRAÇÃO", "D",
     "Ministério da Educação", "ATIVO PERMANENTE", "15/07/2012"],
])

SANCTION_HEADER = ["CADASTRO", "CÓDIGO DA SANÇÃO", "TIPO DE PESSOA", "CPF OU CNPJ DO SANCIONADO",
                   "NOME DO SANCIONADO", "NOME INFORMADO PELO ÓRGÃO SANCIONADOR", "RAZÃO SOCIAL - CADASTRO RECEITA",
                   "NOME FANTASIA - CADASTRO RECEITA", "NÚMERO DO PROCESSO", "CATEGORIA DA SANÇÃO",
                   "DATA INÍCIO SANÇÃO", "DATA FINAL SANÇÃO", "DATA PUBLICAÇÃO", "PUBLICAÇÃO",
                   "DETALHAMENTO DO MEIO DE PUBLICAÇÃO", "DATA DO TRÂNSITO EM JULGADO", "ABRAGÊNCIA DA SANÇÃO",
                   "ÓRGÃO SANCIONADOR", "UF ÓRGÃO SANCIONADOR", "ESFERA ÓRGÃO SANCIONADOR", "FUNDAMENTAÇÃO LEGAL",
                   "DATA ORIGEM INFORMAÇÃO", "ORIGEM INFORMAÇÕES", "OBSERVAÇÕES"]


def sanction(registry, code, doc, name, category, start, end, extra=None):
    row = [registry, code, "J", doc, name, name, name, "", "001/2023", category, start, end, start, "DOU",
           "Seção 3", "", "Todas as esferas", "Controladoria-Geral da União", "DF", "FEDERAL",
           "Lei 14.133/2021, art. 156", start, "CGU", ""]
    if extra is not None:
        row.insert(9, extra)
    return row


write("sanctions_20240101_CEIS.csv", SANCTION_HEADER, [
    sanction("CEIS", "200001", "03.560.714/0001-42", "PAPELARIA ÁGUIA LTDA", "Impedimento", "01/01/2024",
             "31/12/2025"),
    sanction("CEIS", "200002", "22472225000183", "COMERCIAL IPÊ", "Inidoneidade", "10/02/2023",
             "Sem informação"),
])
cnep_header = list(SANCTION_HEADER)
cnep_header.insert(9, "VALOR DA MULTA")
write("sanctions_20240101_CNEP.csv", cnep_header, [
    sanction("CNEP", "300001", "11111111000191", "EMPRESA MULTADA S.A.", "Multa - Lei Anticorrupção",
             "05/05/2023", "", extra="1.500.000,00"),
])
