// SPDX-License-Identifier: GPL-3.0-or-later
// HS256 tokens: exact claims, expiry on an injected clock, and the attacks the spec names (tampering,
// alg "none", other HMAC algorithms with the right key, a refresh token used as an access token).
#include "auth/crypto.h"
#include "auth/signingkey.h"
#include "auth/tokencodec.h"

#include <QTest>
#include <cstdlib>
#include <jwt.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace cidadao::auth;
using Json = nlohmann::json;

Q_DECLARE_METATYPE(cidadao::auth::TokenFailure)

// QCOMPARE prints the reason instead of a bare "not the same".
namespace cidadao::auth {
char* toString(TokenFailure failure)
{
    return qstrdup(describe(failure).toUtf8().constData());
}
} // namespace cidadao::auth

namespace {

constexpr qint64 kStart = 1'800'000'000;

QByteArray b64(const QByteArray& data)
{
    return Crypto::base64UrlEncode(data);
}

QByteArray b64(const Json& json)
{
    const std::string text = json.dump();
    return b64(QByteArray(text.data(), qsizetype(text.size())));
}

Json decodeSegment(const QString& token, int index)
{
    QByteArray raw;
    if (!Crypto::base64UrlDecode(token.toLatin1().split('.').value(index), &raw))
        return Json();
    return Json::parse(raw.constBegin(), raw.constEnd(), nullptr, false);
}

// A token signed by hand (libsodium HMAC), independent of libjwt's encoder.
QString signHs256(const Json& header, const Json& payload, const QByteArray& key)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return QString::fromLatin1(input + '.' + b64(Crypto::hmacSha256(key, input)));
}

// libjwt signs with the algorithm we ask for: HS384/HS512 with the server's own key.
QString signWithLibjwt(jwt_alg_t alg, const Json& payload, const QByteArray& key)
{
    jwt_t* jwt = nullptr;
    if (jwt_new(&jwt) != 0)
        return {};
    jwt_set_alg(jwt, alg, reinterpret_cast<const unsigned char*>(key.constData()), int(key.size()));
    jwt_add_grants_json(jwt, payload.dump().c_str());
    char* text = jwt_encode_str(jwt);
    const QString token = QString::fromLatin1(text);
    std::free(text);
    jwt_free(jwt);
    return token;
}

std::set<std::string> keysOf(const Json& object)
{
    std::set<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.insert(it.key());
    return keys;
}

} // namespace

class TestTokenCodec : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void accessClaimsAreExact();
    void refreshClaimsAreExact();
    void verifiesItsOwnTokensAndHandSignedOnes();
    void expiresOnTheInjectedClock();
    void lifetimesAreConfigurable();
    void rejectsTamperedTokens_data();
    void rejectsTamperedTokens();
    void rejectsAlgNone_data();
    void rejectsAlgNone();
    void rejectsOtherHmacAlgorithmsWithTheRightKey_data();
    void rejectsOtherHmacAlgorithmsWithTheRightKey();
    void rejectsTheWrongTokenType();
    void rejectsAnotherKey();
    void rejectsMissingOrMistypedClaims_data();
    void rejectsMissingOrMistypedClaims();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();

private:
    TokenCodec codec(TokenLifetimes lifetimes = {}) const;
    Json validAccessPayload() const;

    Crypto m_crypto;
    QByteArray m_key;
    qint64 m_now = kStart;
    const TokenSubject m_subject{QStringLiteral("6f1c2a9e-8d4b-4c1a-9e2f-0a1b2c3d4e5f"),
                                 QStringLiteral("ana@example.org"), QStringLiteral("Ana Souza"),
                                 QStringLiteral("analyst")};
};

TokenCodec TestTokenCodec::codec(TokenLifetimes lifetimes) const
{
    return TokenCodec(
        m_crypto, SigningKey::fromBytes(m_key), [this] { return m_now; }, lifetimes);
}

Json TestTokenCodec::validAccessPayload() const
{
    return {{"sub", m_subject.userId.toStdString()},
            {"email", m_subject.email.toStdString()},
            {"name", m_subject.name.toStdString()},
            {"role", m_subject.role.toStdString()},
            {"exp", kStart + 1800},
            {"iat", kStart},
            {"type", "access"},
            {"jti", "0b5e7a52-52c4-4a4f-8f0e-1d2c3b4a5968"}};
}

void TestTokenCodec::init()
{
    m_key = m_crypto.randomBytes(32);
    m_now = kStart;
}

void TestTokenCodec::accessClaimsAreExact()
{
    const IssuedToken issued = codec().issueAccess(m_subject);
    const Json header = decodeSegment(issued.token, 0);
    QCOMPARE(header.value("alg", ""), std::string("HS256"));
    const Json claims = decodeSegment(issued.token, 1);
    QVERIFY(claims.is_object());
    const std::set<std::string> expected{"sub", "email", "name", "role", "exp", "iat", "type", "jti"};
    QVERIFY(keysOf(claims) == expected);
    QCOMPARE(claims.at("sub").get<std::string>(), m_subject.userId.toStdString());
    QCOMPARE(claims.at("email").get<std::string>(), m_subject.email.toStdString());
    QCOMPARE(claims.at("name").get<std::string>(), m_subject.name.toStdString());
    QCOMPARE(claims.at("role").get<std::string>(), m_subject.role.toStdString());
    QCOMPARE(claims.at("type").get<std::string>(), std::string("access"));
    QCOMPARE(claims.at("iat").get<qint64>(), kStart);
    QCOMPARE(claims.at("exp").get<qint64>(), kStart + 1800);
    QCOMPARE(claims.at("jti").get<std::string>(), issued.jti.toStdString());
    QCOMPARE(issued.jti.size(), 36);
    QCOMPARE(issued.expiresAt, kStart + 1800);
    QVERIFY(codec().issueAccess(m_subject).jti != issued.jti);
}

void TestTokenCodec::refreshClaimsAreExact()
{
    const IssuedToken issued = codec().issueRefresh(m_subject.userId);
    const Json claims = decodeSegment(issued.token, 1);
    const std::set<std::string> expected{"sub", "exp", "iat", "type", "jti"};
    QVERIFY(keysOf(claims) == expected);
    QCOMPARE(claims.at("type").get<std::string>(), std::string("refresh"));
    QCOMPARE(claims.at("exp").get<qint64>() - claims.at("iat").get<qint64>(), qint64(7 * 24 * 3600));
    QCOMPARE(claims.at("jti").get<std::string>(), issued.jti.toStdString());
}

void TestTokenCodec::verifiesItsOwnTokensAndHandSignedOnes()
{
    const TokenCodec tokens = codec();
    const IssuedToken issued = tokens.issueAccess(m_subject);
    const auto verified = tokens.verifyAccess(issued.token);
    QCOMPARE(verified.failure, TokenFailure::None);
    QCOMPARE(verified.claims.subject.userId, m_subject.userId);
    QCOMPARE(verified.claims.subject.email, m_subject.email);
    QCOMPARE(verified.claims.subject.name, m_subject.name);
    QCOMPARE(verified.claims.subject.role, m_subject.role);
    QCOMPARE(verified.claims.jti, issued.jti);
    QCOMPARE(verified.claims.expiresAt, issued.expiresAt);

    // Our HMAC and libjwt's agree: a token signed independently verifies.
    const QString handMade = signHs256({{"alg", "HS256"}, {"typ", "JWT"}}, validAccessPayload(), m_key);
    QCOMPARE(tokens.verifyAccess(handMade).failure, TokenFailure::None);

    const IssuedToken refresh = tokens.issueRefresh(m_subject.userId);
    const auto verifiedRefresh = tokens.verifyRefresh(refresh.token);
    QCOMPARE(verifiedRefresh.failure, TokenFailure::None);
    QCOMPARE(verifiedRefresh.claims.userId, m_subject.userId);
    QCOMPARE(verifiedRefresh.claims.jti, refresh.jti);
}

void TestTokenCodec::expiresOnTheInjectedClock()
{
    const TokenCodec tokens = codec();
    const IssuedToken access = tokens.issueAccess(m_subject);
    const IssuedToken refresh = tokens.issueRefresh(m_subject.userId);
    m_now = kStart + 1799;
    QCOMPARE(tokens.verifyAccess(access.token).failure, TokenFailure::None);
    m_now = kStart + 1800;
    QCOMPARE(tokens.verifyAccess(access.token).failure, TokenFailure::Expired);
    QCOMPARE(tokens.verifyRefresh(refresh.token).failure, TokenFailure::None);
    m_now = kStart + 7 * 24 * 3600;
    QCOMPARE(tokens.verifyRefresh(refresh.token).failure, TokenFailure::Expired);
    // Issued "in the future" (a clock that jumped back): refused as well.
    m_now = kStart - 3600;
    QCOMPARE(tokens.verifyAccess(access.token).failure, TokenFailure::NotYetValid);
}

void TestTokenCodec::lifetimesAreConfigurable()
{
    const TokenCodec tokens = codec({60, 120});
    const IssuedToken access = tokens.issueAccess(m_subject);
    QCOMPARE(decodeSegment(access.token, 1).at("exp").get<qint64>(), kStart + 60);
    QCOMPARE(decodeSegment(tokens.issueRefresh(m_subject.userId).token, 1).at("exp").get<qint64>(), kStart + 120);
    m_now = kStart + 60;
    QCOMPARE(tokens.verifyAccess(access.token).failure, TokenFailure::Expired);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, codec({0, 120}));
}

void TestTokenCodec::rejectsTamperedTokens_data()
{
    QTest::addColumn<int>("segment");
    QTest::addColumn<QString>("how");
    QTest::newRow("payload byte flipped") << 1 << QStringLiteral("flip");
    QTest::newRow("payload role raised to admin") << 1 << QStringLiteral("admin");
    QTest::newRow("payload exp extended") << 1 << QStringLiteral("exp");
    QTest::newRow("header re-encoded with a space") << 0 << QStringLiteral("space");
    QTest::newRow("signature byte flipped") << 2 << QStringLiteral("flip");
    QTest::newRow("signature truncated") << 2 << QStringLiteral("truncate");
    QTest::newRow("signature removed") << 2 << QStringLiteral("empty");
}

void TestTokenCodec::rejectsTamperedTokens()
{
    QFETCH(int, segment);
    QFETCH(QString, how);
    const TokenCodec tokens = codec();
    const QString token = tokens.issueAccess(m_subject).token;
    QList<QByteArray> parts = token.toLatin1().split('.');
    QByteArray raw;
    QVERIFY(Crypto::base64UrlDecode(parts[segment], &raw));
    if (how == QLatin1String("flip")) {
        // The middle byte of the decoded segment, re-encoded: still valid base64url, different content.
        const qsizetype middle = raw.size() / 2;
        raw[middle] = char(raw[middle] ^ 0x01);
    } else if (how == QLatin1String("admin")) {
        Json claims = Json::parse(raw.constBegin(), raw.constEnd());
        claims["role"] = "admin";
        const std::string text = claims.dump();
        raw = QByteArray(text.data(), qsizetype(text.size()));
    } else if (how == QLatin1String("exp")) {
        Json claims = Json::parse(raw.constBegin(), raw.constEnd());
        claims["exp"] = kStart + 10 * 365 * 24 * 3600;
        const std::string text = claims.dump();
        raw = QByteArray(text.data(), qsizetype(text.size()));
    } else if (how == QLatin1String("space")) {
        raw.replace(":", ": ");
    } else if (how == QLatin1String("truncate")) {
        raw.chop(1);
    } else if (how == QLatin1String("empty")) {
        raw.clear();
    }
    parts[segment] = b64(raw);
    const QString tampered = QString::fromLatin1(parts.join('.'));
    QVERIFY(tampered != token);
    QCOMPARE(tokens.verifyAccess(tampered).failure, TokenFailure::BadSignature);
}

void TestTokenCodec::rejectsAlgNone_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("withSignature");
    QTest::newRow("none, empty signature") << QByteArray(R"({"alg":"none","typ":"JWT"})") << false;
    QTest::newRow("None") << QByteArray(R"({"alg":"None","typ":"JWT"})") << false;
    QTest::newRow("NONE with a valid HS256 MAC") << QByteArray(R"({"alg":"NONE","typ":"JWT"})") << true;
    QTest::newRow("no alg at all") << QByteArray(R"({"typ":"JWT"})") << true;
    QTest::newRow("alg null") << QByteArray(R"({"alg":null,"typ":"JWT"})") << true;
    QTest::newRow("alg hs256 lower case") << QByteArray(R"({"alg":"hs256","typ":"JWT"})") << true;
    QTest::newRow("crit header") << QByteArray(R"({"alg":"HS256","typ":"JWT","crit":["exp"]})") << true;
}

void TestTokenCodec::rejectsAlgNone()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, withSignature);
    const QByteArray input = b64(header) + '.' + b64(validAccessPayload());
    const QByteArray signature = withSignature ? b64(Crypto::hmacSha256(m_key, input)) : QByteArray();
    const QString token = QString::fromLatin1(input + '.' + signature);
    QCOMPARE(codec().verifyAccess(token).failure, TokenFailure::UnsupportedAlgorithm);
}

void TestTokenCodec::rejectsOtherHmacAlgorithmsWithTheRightKey_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("HS384") << int(JWT_ALG_HS384);
    QTest::newRow("HS512") << int(JWT_ALG_HS512);
}

void TestTokenCodec::rejectsOtherHmacAlgorithmsWithTheRightKey()
{
    QFETCH(int, alg);
    const QString token = signWithLibjwt(jwt_alg_t(alg), validAccessPayload(), m_key);
    QVERIFY(!token.isEmpty());
    QVERIFY(decodeSegment(token, 0).value("alg", "").starts_with("HS"));
    QCOMPARE(codec().verifyAccess(token).failure, TokenFailure::UnsupportedAlgorithm);
    // The control: the same claims under HS256 are accepted, so only the algorithm made the difference.
    QCOMPARE(codec().verifyAccess(signWithLibjwt(JWT_ALG_HS256, validAccessPayload(), m_key)).failure,
             TokenFailure::None);
}

void TestTokenCodec::rejectsTheWrongTokenType()
{
    const TokenCodec tokens = codec();
    const IssuedToken refresh = tokens.issueRefresh(m_subject.userId);
    QCOMPARE(tokens.verifyAccess(refresh.token).failure, TokenFailure::WrongType);
    const IssuedToken access = tokens.issueAccess(m_subject);
    QCOMPARE(tokens.verifyRefresh(access.token).failure, TokenFailure::WrongType);
}

void TestTokenCodec::rejectsAnotherKey()
{
    const QString token = codec().issueAccess(m_subject).token;
    m_key = m_crypto.randomBytes(32);
    QCOMPARE(codec().verifyAccess(token).failure, TokenFailure::BadSignature);
}

void TestTokenCodec::rejectsMissingOrMistypedClaims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QByteArray>("replacement"); // JSON; empty: remove the claim
    QTest::newRow("no jti") << QStringLiteral("jti") << QByteArray();
    QTest::newRow("no sub") << QStringLiteral("sub") << QByteArray();
    QTest::newRow("no exp") << QStringLiteral("exp") << QByteArray();
    QTest::newRow("no iat") << QStringLiteral("iat") << QByteArray();
    QTest::newRow("no email") << QStringLiteral("email") << QByteArray();
    QTest::newRow("no role") << QStringLiteral("role") << QByteArray();
    QTest::newRow("no name") << QStringLiteral("name") << QByteArray();
    QTest::newRow("no type") << QStringLiteral("type") << QByteArray();
    QTest::newRow("exp as a string") << QStringLiteral("exp") << QByteArray(R"("1900000000")");
    QTest::newRow("exp as a float") << QStringLiteral("exp") << QByteArray("1900000000.5");
    QTest::newRow("sub empty") << QStringLiteral("sub") << QByteArray(R"("")");
    QTest::newRow("sub a number") << QStringLiteral("sub") << QByteArray("42");
}

void TestTokenCodec::rejectsMissingOrMistypedClaims()
{
    QFETCH(QString, claim);
    QFETCH(QByteArray, replacement);
    Json payload = validAccessPayload();
    if (replacement.isEmpty())
        payload.erase(claim.toStdString());
    else
        payload[claim.toStdString()] = Json::parse(replacement.toStdString());
    const QString token = signHs256({{"alg", "HS256"}, {"typ", "JWT"}}, payload, m_key);
    QCOMPARE(codec().verifyAccess(token).failure, TokenFailure::MissingClaims);
}

void TestTokenCodec::rejectsMalformedInput_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<TokenFailure>("expected");
    QTest::newRow("empty") << QString() << TokenFailure::Malformed;
    QTest::newRow("one segment") << QStringLiteral("abc") << TokenFailure::Malformed;
    QTest::newRow("two segments") << QStringLiteral("abc.def") << TokenFailure::Malformed;
    QTest::newRow("four segments") << QStringLiteral("a.b.c.d") << TokenFailure::Malformed;
    QTest::newRow("not base64url") << QStringLiteral("ey+J/.abc.def") << TokenFailure::Malformed;
    QTest::newRow("header not JSON") << QString::fromLatin1(b64(QByteArray("hello")) + ".e30.sig")
                                     << TokenFailure::Malformed;
    QTest::newRow("header a JSON array") << QString::fromLatin1(b64(QByteArray("[1]")) + ".e30.sig")
                                         << TokenFailure::Malformed;
    QTest::newRow("oversized") << QString(10000, u'a') << TokenFailure::Malformed;
}

void TestTokenCodec::rejectsMalformedInput()
{
    QFETCH(QString, token);
    QFETCH(TokenFailure, expected);
    QCOMPARE(codec().verifyAccess(token).failure, expected);
    QCOMPARE(codec().verifyRefresh(token).failure, expected);
}

QTEST_GUILESS_MAIN(TestTokenCodec)
#include "tst_tokencodec.moc"
