#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference implementation (pandas + numpy) of three detectors of DETECTORS.md, run on the same
Portal-format contracts CSV as bench_engine, to give the C++ engine's timings a baseline:

  price_outlier         robust z of log(value) within object class x modalidade x orgao, n >= 10,
                        0.6745 (x - median) / MAD (mean absolute deviation scale when MAD = 0),
                        flagged when z > 3.5 and value >= 2 x the group median
  vendor_concentration  per UG and year (>= 10 contracts): top supplier share > 0.70 with >= 3
                        suppliers, or HHI > 2500 with >= 5 suppliers
  duplicate (exact)     same supplier + value + signing date

Object class: the synthetic data's objects start with one of the generator's class phrases, and the
engine's keyword classifier maps each phrase to its own class (checked when the generator was written),
so the reference groups by that phrase. This shortcut only holds on the synthetic data.

Prints one JSON object: read time (and within it the object classes' time), per-detector wall and CPU seconds (CPU: on a shared machine the
wall time measures the other jobs too), flagged record counts.
Usage: reference_detectors.py CONTRACTS_CSV
"""
import json
import re
import sys
import time

import numpy as np
import pandas as pd

PHRASES = [
    "Aquisição de material de expediente", "Aquisição de produtos de limpeza e higienização",
    "Aquisição de gêneros alimentícios", "Aquisição de medicamentos", "Aquisição de insumos médico-hospitalares",
    "Aquisição de computadores e periféricos", "Aquisição de mobiliário corporativo",
    "Fornecimento de combustíveis automotivos", "Aquisição de material de construção",
    "Aquisição de uniformes e equipamentos de proteção individual", "Aquisição de livros e material didático",
    "Aquisição de veículos utilitários", "Prestação de serviços de limpeza e conservação predial",
    "Prestação de serviços de vigilância patrimonial armada", "Contratação de serviços de tecnologia da informação",
    "Contratação de serviços de telefonia fixa e móvel", "Locação de veículos com motorista",
    "Capacitação de servidores em gestão pública", "Consultoria técnica especializada",
    "Impressão de material gráfico institucional", "Manutenção corretiva de equipamentos laboratoriais",
    "Apoio administrativo terceirizado", "Reforma de edificação pública", "Pavimentação asfáltica de vias",
    "Locação de imóvel para funcionamento de unidade descentralizada",
    "Manutenção de instalações elétricas prediais", "Licenciamento de software corporativo",
    "Seguro de frota veicular", "Agenciamento de passagens aéreas", "Aquisição de reagentes laboratoriais",
    "Instalação de aparelhos de ar condicionado", "Manutenção de elevadores",
]


def read_contracts(path):
    columns = {"Número do Contrato": "number", "Objeto": "object", "Modalidade Compra": "modality",
               "Código Órgão": "organ", "Código UG": "unit", "Data Assinatura Contrato": "signed",
               "Código Contratado": "supplier", "Valor Inicial Compra": "initial", "Valor Final Compra": "final"}
    df = pd.read_csv(path, sep=";", encoding="latin-1", quotechar='"', usecols=list(columns), dtype=str,
                     keep_default_na=False)
    df = df.rename(columns=columns)
    for col in ("initial", "final"):
        df[col] = pd.to_numeric(df[col].str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
                                errors="coerce")
    df["value"] = df["initial"].fillna(df["final"])
    df["year"] = df["signed"].str[6:10]
    # One regular expression of every phrase, longest first, so that no phrase that is a prefix of
    # another wins; matched at the start of each object (a compiled match per row measured 0.9 s at a
    # million rows, pandas' str.extract 5.7 s and a startswith pass per phrase longer still). Timed on
    # its own: it is the reference's counterpart of the engine's shared preparation (object classes).
    wall, cpu = time.perf_counter(), time.process_time()
    order = sorted(range(len(PHRASES)), key=lambda i: -len(PHRASES[i]))
    phrase_class = {PHRASES[i]: i for i in order}
    starts = re.compile("|".join(re.escape(PHRASES[i]) for i in order))

    def class_of(text):
        m = starts.match(text)
        return phrase_class[m.group(0)] if m else -1

    cls = pd.Series([class_of(text) for text in df["object"]], index=df.index)
    df["class"] = cls
    classify = {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}
    return df, classify


def price_outlier(df):
    d = df[df["value"] > 0].copy()
    d["log"] = np.log(d["value"])
    g = d.groupby(["organ", "modality", "class"])["log"]
    d["n"] = g.transform("size")
    d = d[d["n"] >= 10]
    g = d.groupby(["organ", "modality", "class"])
    d["med"] = g["log"].transform("median")
    d["absdev"] = (d["log"] - d["med"]).abs()
    d["mad"] = d.groupby(["organ", "modality", "class"])["absdev"].transform("median")
    d["meanad"] = d.groupby(["organ", "modality", "class"])["absdev"].transform("mean")
    z = np.where(d["mad"] > 0, 0.6745 * (d["log"] - d["med"]) / d["mad"].where(d["mad"] > 0, 1.0),
                 (d["log"] - d["med"]) / (1.253314 * d["meanad"].where(d["meanad"] > 0, np.nan)))
    ratio = np.exp(d["log"] - d["med"])
    return int(((z > 3.5) & (ratio >= 2.0)).sum())


def vendor_concentration(df):
    d = df[(df["value"] > 0) & (df["supplier"] != "")]
    per = d.groupby(["unit", "year", "supplier"], sort=False)["value"].sum().reset_index()
    totals = per.groupby(["unit", "year"])["value"].transform("sum")
    per["share"] = per["value"] / totals
    per["sq"] = (100.0 * per["share"]) ** 2
    agg = per.groupby(["unit", "year"]).agg(hhi=("sq", "sum"), top=("share", "max"), suppliers=("supplier", "size"))
    counts = d.groupby(["unit", "year"]).size()
    agg = agg.join(counts.rename("contracts"))
    agg = agg[agg["contracts"] >= 10]
    flagged = agg[((agg["top"] > 0.70) & (agg["suppliers"] >= 3)) | ((agg["hhi"] > 2500) & (agg["suppliers"] >= 5))]
    # Affected records: the dominant supplier's contracts in each flagged UG-year.
    top = per.loc[per.groupby(["unit", "year"])["share"].idxmax(), ["unit", "year", "supplier"]]
    top = top.merge(flagged.reset_index()[["unit", "year"]], on=["unit", "year"])
    rows = d.merge(top, on=["unit", "year", "supplier"])
    return int(len(rows))


def duplicate_exact(df):
    d = df[df["supplier"] != ""]
    sizes = d.groupby(["supplier", "value", "signed"])["number"].transform("size")
    return int((sizes >= 2).sum())


def main():
    path = sys.argv[1]
    out = {}
    t = time.perf_counter()
    df, classify = read_contracts(path)
    out["read_s"] = time.perf_counter() - t
    out["classify"] = classify
    out["rows"] = int(len(df))
    detectors = {}
    for name, fn in (("price_outlier", price_outlier), ("vendor_concentration", vendor_concentration),
                     ("duplicate", duplicate_exact)):
        t = time.perf_counter()
        cpu = time.process_time()
        flagged = fn(df)
        detectors[name] = {"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - cpu,
                           "flagged_records": flagged}
    out["detectors"] = detectors
    out["pandas"] = pd.__version__
    out["numpy"] = np.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
