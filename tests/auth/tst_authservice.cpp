// SPDX-License-Identifier: GPL-3.0-or-later
// AuthService on a real SQLite file (migrated to the latest schema): registration rules, login that does
// not reveal which emails exist, refresh rotation with reuse detection, logout, bootstrap token, admin.
#include "auth/authservice.h"
#include "auth/clock.h"
#include "auth/userrepository.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace cidadao;
using namespace cidadao::auth;

Q_DECLARE_METATYPE(cidadao::auth::AuthError)

// QCOMPARE prints the reason instead of a bare "not the same".
namespace cidadao::auth {
char* toString(TokenFailure failure)
{
    return qstrdup(describe(failure).toUtf8().constData());
}
char* toString(AuthError error)
{
    return qstrdup(error == AuthError::None ? "None" : messageOf(error).toUtf8().constData());
}
} // namespace cidadao::auth

namespace {

constexpr qint64 kStart = 1'800'000'000;
const QString kPassword = QStringLiteral("s3nha-forte!");

} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registersAndReadsBack();
    void storesOnlyAnArgon2idHash();
    void refusesADuplicateEmailWhateverItsCase();
    void validatesRegistration_data();
    void validatesRegistration();
    void loginFailsTheSameWayForUnknownEmailAndWrongPassword();
    void loginReturnsASessionAndRecordsLastLogin();
    void loginRefusesADisabledAccount();
    void loginUpgradesAWeakerHash();
    void authenticateChecksTokenRevocationAndAccount();
    void refreshRotatesAndDetectsReuse();
    void refreshRefusesAnAccessToken();
    void logoutRevokesAccessAndRefresh();
    void logoutWithoutRefreshTokenEndsOnlyThatSession();
    void logoutIgnoresAnotherUsersRefreshToken();
    void bootstrapTokenWorksExactlyOnce();
    void bootstrapTokenExpires();
    void localAccountCannotLogInWithAPassword();
    void createAdminGeneratesAPasswordOnce();
    void listsUsers();
    void purgesExpiredRows();
    void isSafeToCallFromSeveralThreads();
    void racingRefreshesOfOneTokenLetExactlyOneWin();

private:
    std::unique_ptr<AuthService> makeService(PasswordHasher::Limits limits = PasswordHasher::Limits::interactive());
    qint64 count(const char* sql);

    Crypto m_crypto;
    QByteArray m_key;
    qint64 m_now = kStart;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<AuthService> m_auth;
};

std::unique_ptr<AuthService> TestAuthService::makeService(PasswordHasher::Limits limits)
{
    AuthConfig config;
    config.hashLimits = limits;
    return std::make_unique<AuthService>(
        *m_db, m_crypto, SigningKey::fromBytes(m_key), [this] { return m_now; }, config);
}

qint64 TestAuthService::count(const char* sql)
{
    auto statement = m_db->prepare(sql);
    return statement.step() ? statement.int64(0) : -1;
}

void TestAuthService::init()
{
    m_now = kStart;
    m_key = m_crypto.randomBytes(32);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = store::Database::open(m_dir->filePath(QStringLiteral("cidadao.db")));
    store::migrate(*m_db);
    m_auth = makeService();
}

void TestAuthService::cleanup()
{
    m_auth.reset();
    m_db.reset();
    m_dir.reset();
}

void TestAuthService::registersAndReadsBack()
{
    const auto registered =
        m_auth->registerUser(QStringLiteral("  Ana.Souza@Example.ORG "), kPassword, QStringLiteral(" Ana Souza "));
    QVERIFY(registered.ok());
    const UserRecord& user = registered.value();
    QCOMPARE(user.id.size(), 36);
    QCOMPARE(user.email, QStringLiteral("ana.souza@example.org"));
    QCOMPARE(user.name, QStringLiteral("Ana Souza"));
    QCOMPARE(user.role, QStringLiteral("analyst"));
    QVERIFY(user.isActive);
    QCOMPARE(user.createdAt, kStart);
    QVERIFY(!user.lastLogin);

    const auto me = m_auth->me(user.id);
    QVERIFY(me.ok());
    QCOMPARE(me->email, user.email);
    QCOMPARE(me->name, user.name);
    QCOMPARE(me->role, user.role);
    QCOMPARE(me->createdAt, kStart);
    QCOMPARE(m_auth->me(QStringLiteral("00000000-0000-4000-8000-000000000000")).error(), AuthError::NotFound);
}

void TestAuthService::storesOnlyAnArgon2idHash()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("a@example.org"), kPassword, QStringLiteral("A")).ok());
    auto statement = m_db->prepare("SELECT password_hash FROM users");
    QVERIFY(statement.step());
    const QString stored = statement.text(0);
    QVERIFY2(stored.startsWith(QLatin1String("$argon2id$")), qPrintable(stored));
    QVERIFY(!stored.contains(kPassword));
}

void TestAuthService::refusesADuplicateEmailWhateverItsCase()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    QCOMPARE(m_auth->registerUser(QStringLiteral("ANA@Example.org"), kPassword, QStringLiteral("Ana 2")).error(),
             AuthError::EmailTaken);
    QCOMPARE(m_auth->registerUser(QStringLiteral(" ana@example.org"), kPassword, QStringLiteral("Ana 3")).error(),
             AuthError::EmailTaken);
    // Non-ASCII letters fold too (SQLite's NOCASE alone would not).
    QVERIFY(m_auth->registerUser(QStringLiteral("JOSÉ@example.org"), kPassword, QStringLiteral("José")).ok());
    QCOMPARE(m_auth->registerUser(QStringLiteral("josé@example.org"), kPassword, QStringLiteral("José")).error(),
             AuthError::EmailTaken);
    QCOMPARE(count("SELECT count(*) FROM users"), 2);
}

void TestAuthService::validatesRegistration_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("origin");
    QTest::addColumn<AuthError>("expected");
    const QString ok = QStringLiteral("ok@example.org");
    const QString name = QStringLiteral("Name");
    const QString analyst = QStringLiteral("analyst");
    const int pub = int(RegistrationOrigin::Public);
    const int admin = int(RegistrationOrigin::Administrator);
    QTest::newRow("7 characters") << ok << QStringLiteral("1234567") << name << analyst << pub
                                  << AuthError::WeakPassword;
    QTest::newRow("8 characters") << ok << QStringLiteral("12345678") << name << analyst << pub << AuthError::None;
    QTest::newRow("7 code points in 8+ UTF-16 units")
        << ok << QStringLiteral("🔑🔑🔑🔑ção") << name << analyst << pub << AuthError::WeakPassword;
    QTest::newRow("empty password") << ok << QString() << name << analyst << pub << AuthError::WeakPassword;
    QTest::newRow("huge password") << ok << QString(5000, u'x') << name << analyst << pub << AuthError::WeakPassword;
    QTest::newRow("no at") << QStringLiteral("example.org") << kPassword << name << analyst << pub
                           << AuthError::InvalidEmail;
    QTest::newRow("two ats") << QStringLiteral("a@b@example.org") << kPassword << name << analyst << pub
                             << AuthError::InvalidEmail;
    QTest::newRow("no domain dot") << QStringLiteral("a@localhost") << kPassword << name << analyst << pub
                                   << AuthError::InvalidEmail;
    QTest::newRow("space inside") << QStringLiteral("a b@example.org") << kPassword << name << analyst << pub
                                  << AuthError::InvalidEmail;
    QTest::newRow("double dot") << QStringLiteral("a..b@example.org") << kPassword << name << analyst << pub
                                << AuthError::InvalidEmail;
    QTest::newRow("empty email") << QString() << kPassword << name << analyst << pub << AuthError::InvalidEmail;
    QTest::newRow("plus address") << QStringLiteral("a+tag@sub.example.org") << kPassword << name << analyst << pub
                                  << AuthError::None;
    QTest::newRow("empty name") << ok << kPassword << QStringLiteral("   ") << analyst << pub << AuthError::InvalidName;
    QTest::newRow("control in name") << ok << kPassword << QStringLiteral("A\x01") << analyst << pub
                                     << AuthError::InvalidName;
    QTest::newRow("unknown role") << ok << kPassword << name << QStringLiteral("root") << pub << AuthError::InvalidRole;
    QTest::newRow("role case matters") << ok << kPassword << name << QStringLiteral("Admin") << pub
                                       << AuthError::InvalidRole;
    QTest::newRow("empty role means analyst") << ok << kPassword << name << QString() << pub << AuthError::None;
    QTest::newRow("citizen") << ok << kPassword << name << QStringLiteral("citizen") << pub << AuthError::None;
    QTest::newRow("public admin") << ok << kPassword << name << QStringLiteral("admin") << pub
                                  << AuthError::RoleNotAllowed;
    QTest::newRow("admin by admin") << ok << kPassword << name << QStringLiteral("admin") << admin << AuthError::None;
}

void TestAuthService::validatesRegistration()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, name);
    QFETCH(QString, role);
    QFETCH(int, origin);
    QFETCH(AuthError, expected);
    const auto result = m_auth->registerUser(email, password, name, role, RegistrationOrigin(origin));
    QCOMPARE(result.error(), expected);
    QCOMPARE(count("SELECT count(*) FROM users"), expected == AuthError::None ? 1 : 0);
    if (expected == AuthError::None && role.isEmpty())
        QCOMPARE(result->role, QStringLiteral("analyst"));
    if (expected != AuthError::None)
        QVERIFY(!messageOf(expected).isEmpty());
}

void TestAuthService::loginFailsTheSameWayForUnknownEmailAndWrongPassword()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto wrongPassword = m_auth->login(QStringLiteral("ana@example.org"), QStringLiteral("not-the-password"));
    const auto unknownEmail = m_auth->login(QStringLiteral("nobody@example.org"), kPassword);
    const auto notAnEmail = m_auth->login(QStringLiteral("nobody"), kPassword);
    QCOMPARE(wrongPassword.error(), AuthError::InvalidCredentials);
    QCOMPARE(unknownEmail.error(), AuthError::InvalidCredentials);
    QCOMPARE(notAnEmail.error(), AuthError::InvalidCredentials);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens"), 0);
    QCOMPARE(count("SELECT count(*) FROM users WHERE last_login IS NOT NULL"), 0);
}

void TestAuthService::loginReturnsASessionAndRecordsLastLogin()
{
    const auto user = m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana"));
    m_now += 100;
    const auto session = m_auth->login(QStringLiteral("ANA@example.org "), kPassword);
    QVERIFY(session.ok());
    QCOMPARE(session->user.id, user->id);
    QCOMPARE(session->user.lastLogin.value_or(0), kStart + 100);
    QCOMPARE(session->expiresIn, qint64(1800));
    QCOMPARE(session->access.expiresAt, kStart + 100 + 1800);
    QCOMPARE(session->refresh.expiresAt, kStart + 100 + 7 * 24 * 3600);
    const auto authenticated = m_auth->authenticate(session->access.token);
    QVERIFY(authenticated.ok());
    QCOMPARE(authenticated->user.id, user->id);
    QCOMPARE(authenticated->token.jti, session->access.jti);
    QCOMPARE(authenticated->token.subject.email, QStringLiteral("ana@example.org"));
    QCOMPARE(m_auth->me(user->id)->lastLogin.value_or(0), kStart + 100);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 1);
}

void TestAuthService::loginRefusesADisabledAccount()
{
    const auto user = m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana"));
    QVERIFY(UserRepository(*m_db).setActive(user->id, false));
    QCOMPARE(m_auth->login(QStringLiteral("ana@example.org"), kPassword).error(), AuthError::AccountDisabled);
    // A wrong password on a disabled account says nothing about the account.
    QCOMPARE(m_auth->login(QStringLiteral("ana@example.org"), QStringLiteral("wrong-password")).error(),
             AuthError::InvalidCredentials);
}

void TestAuthService::loginUpgradesAWeakerHash()
{
    {
        const auto cheap = makeService(PasswordHasher::Limits::minimum());
        QVERIFY(cheap->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    }
    auto hashOf = [this] {
        auto statement = m_db->prepare("SELECT password_hash FROM users");
        return statement.step() ? statement.text(0) : QString();
    };
    QVERIFY(m_auth->passwords().needsRehash(hashOf()));
    QVERIFY(m_auth->login(QStringLiteral("ana@example.org"), kPassword).ok());
    QVERIFY2(!m_auth->passwords().needsRehash(hashOf()), qPrintable(hashOf()));
    QVERIFY(m_auth->login(QStringLiteral("ana@example.org"), kPassword).ok());
}

void TestAuthService::authenticateChecksTokenRevocationAndAccount()
{
    const auto user = m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana"));
    const auto session = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    QVERIFY(m_auth->authenticate(session->access.token).ok());

    const auto asRefresh = m_auth->authenticate(session->refresh.token);
    QCOMPARE(asRefresh.error(), AuthError::InvalidToken);
    QCOMPARE(asRefresh.tokenFailure(), TokenFailure::WrongType);

    // A role change applies at once, whatever the token says.
    QVERIFY(UserRepository(*m_db).setRole(user->id, QStringLiteral("citizen")));
    QCOMPARE(m_auth->authenticate(session->access.token)->user.role, QStringLiteral("citizen"));
    QCOMPARE(m_auth->authenticate(session->access.token)->token.subject.role, QStringLiteral("analyst"));

    QVERIFY(UserRepository(*m_db).setActive(user->id, false));
    QCOMPARE(m_auth->authenticate(session->access.token).tokenFailure(), TokenFailure::UnknownUser);
    QVERIFY(UserRepository(*m_db).setActive(user->id, true));

    m_now += 1800;
    const auto expired = m_auth->authenticate(session->access.token);
    QCOMPARE(expired.error(), AuthError::InvalidToken);
    QCOMPARE(expired.tokenFailure(), TokenFailure::Expired);
}

void TestAuthService::refreshRotatesAndDetectsReuse()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto first = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    m_now += 600;
    const auto second = m_auth->refresh(first->refresh.token);
    QVERIFY(second.ok());
    QVERIFY(second->refresh.token != first->refresh.token);
    QVERIFY(second->access.jti != first->access.jti);
    QCOMPARE(second->access.expiresAt, kStart + 600 + 1800);
    QVERIFY(m_auth->authenticate(second->access.token).ok());

    // A chain of rotations works...
    const auto third = m_auth->refresh(second->refresh.token);
    QVERIFY(third.ok());
    // ...and the rotated-away token stops working.
    const auto replay = m_auth->refresh(first->refresh.token);
    QCOMPARE(replay.error(), AuthError::InvalidToken);
    QCOMPARE(replay.tokenFailure(), TokenFailure::Revoked);
    // The replay revoked the whole family, including the newest token.
    QCOMPARE(m_auth->refresh(third->refresh.token).tokenFailure(), TokenFailure::Revoked);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 0);
    QCOMPARE(count("SELECT count(DISTINCT family_id) FROM refresh_tokens"), 1);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens WHERE replaced_by IS NOT NULL"), 2);

    // Another login (another family) is unaffected.
    const auto other = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    QVERIFY(m_auth->refresh(other->refresh.token).ok());
}

void TestAuthService::refreshRefusesAnAccessToken()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto session = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    const auto result = m_auth->refresh(session->access.token);
    QCOMPARE(result.error(), AuthError::InvalidToken);
    QCOMPARE(result.tokenFailure(), TokenFailure::WrongType);
    m_now += 7 * 24 * 3600;
    QCOMPARE(m_auth->refresh(session->refresh.token).tokenFailure(), TokenFailure::Expired);
}

void TestAuthService::logoutRevokesAccessAndRefresh()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto session = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    const auto authenticated = m_auth->authenticate(session->access.token);
    QVERIFY(authenticated.ok());
    m_auth->logout(authenticated->token, session->refresh.token);
    QCOMPARE(m_auth->authenticate(session->access.token).tokenFailure(), TokenFailure::Revoked);
    QCOMPARE(m_auth->refresh(session->refresh.token).tokenFailure(), TokenFailure::Revoked);
    // Logging out twice is harmless.
    m_auth->logout(authenticated->token, session->refresh.token);
    QCOMPARE(count("SELECT count(*) FROM revoked_access_jti"), 1);
}

void TestAuthService::logoutWithoutRefreshTokenEndsOnlyThatSession()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto laptop = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    const auto phone = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    // The laptop refreshed once: its current access token was issued by the refresh, not the login.
    const auto laptopNow = m_auth->refresh(laptop->refresh.token);
    QVERIFY(laptopNow.ok());
    m_auth->logout(m_auth->authenticate(laptopNow->access.token)->token);
    QCOMPARE(m_auth->authenticate(laptopNow->access.token).tokenFailure(), TokenFailure::Revoked);
    QCOMPARE(m_auth->refresh(laptopNow->refresh.token).tokenFailure(), TokenFailure::Revoked);
    QVERIFY(m_auth->authenticate(phone->access.token).ok());
    QVERIFY(m_auth->refresh(phone->refresh.token).ok());
}

void TestAuthService::logoutIgnoresAnotherUsersRefreshToken()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    QVERIFY(m_auth->registerUser(QStringLiteral("bia@example.org"), kPassword, QStringLiteral("Bia")).ok());
    const auto ana = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    const auto bia = m_auth->login(QStringLiteral("bia@example.org"), kPassword);
    m_auth->logout(m_auth->authenticate(ana->access.token)->token, bia->refresh.token);
    QVERIFY(m_auth->refresh(bia->refresh.token).ok());
    QCOMPARE(m_auth->refresh(ana->refresh.token).tokenFailure(), TokenFailure::Revoked);
}

void TestAuthService::bootstrapTokenWorksExactlyOnce()
{
    const QString token = m_auth->issueBootstrapToken();
    QVERIFY(token.size() >= 43);
    // Only a hash is stored.
    auto statement = m_db->prepare("SELECT token_hash FROM bootstrap_tokens");
    QVERIFY(statement.step());
    const QString stored = statement.text(0);
    QVERIFY(stored != token && !stored.contains(token));
    QCOMPARE(stored, QString::fromLatin1(Crypto::sha256(token.toUtf8()).toHex()));

    const auto session = m_auth->exchangeBootstrapToken(token);
    QVERIFY(session.ok());
    QCOMPARE(session->user.email, QStringLiteral("local@cidadao.localhost"));
    QCOMPARE(session->user.role, QStringLiteral("admin"));
    QVERIFY(m_auth->authenticate(session->access.token).ok());

    QCOMPARE(m_auth->exchangeBootstrapToken(token).error(), AuthError::BootstrapRejected);
    QCOMPARE(m_auth->exchangeBootstrapToken(QStringLiteral("made-up-token")).error(), AuthError::BootstrapRejected);
    QCOMPARE(m_auth->exchangeBootstrapToken(QString()).error(), AuthError::BootstrapRejected);

    // The next start's token signs into the same local account.
    const auto again = m_auth->exchangeBootstrapToken(m_auth->issueBootstrapToken());
    QVERIFY(again.ok());
    QCOMPARE(again->user.id, session->user.id);
    QCOMPARE(count("SELECT count(*) FROM users"), 1);
}

void TestAuthService::bootstrapTokenExpires()
{
    const QString token = m_auth->issueBootstrapToken();
    m_now += m_auth->config().bootstrapTokenSeconds;
    QCOMPARE(m_auth->exchangeBootstrapToken(token).error(), AuthError::BootstrapRejected);
    const QString fresh = m_auth->issueBootstrapToken();
    m_now += m_auth->config().bootstrapTokenSeconds - 1;
    QVERIFY(m_auth->exchangeBootstrapToken(fresh).ok());
}

void TestAuthService::localAccountCannotLogInWithAPassword()
{
    QVERIFY(m_auth->exchangeBootstrapToken(m_auth->issueBootstrapToken()).ok());
    QCOMPARE(m_auth->login(QStringLiteral("local@cidadao.localhost"), QStringLiteral("!")).error(),
             AuthError::InvalidCredentials);
    QCOMPARE(m_auth->login(QStringLiteral("local@cidadao.localhost"), QString()).error(),
             AuthError::InvalidCredentials);
}

void TestAuthService::createAdminGeneratesAPasswordOnce()
{
    const auto created = m_auth->createAdmin(QStringLiteral("Root@Example.org"));
    QVERIFY(created.ok());
    QCOMPARE(created->user.role, QStringLiteral("admin"));
    QCOMPARE(created->user.email, QStringLiteral("root@example.org"));
    QCOMPARE(created->generatedPassword.size(), 24);
    QVERIFY(m_auth->login(QStringLiteral("root@example.org"), created->generatedPassword).ok());
    QCOMPARE(m_auth->createAdmin(QStringLiteral("root@example.org")).error(), AuthError::EmailTaken);

    const auto chosen = m_auth->createAdmin(QStringLiteral("ops@example.org"), QStringLiteral("chosen-password"));
    QVERIFY(chosen.ok());
    QVERIFY(chosen->generatedPassword.isEmpty());
    QVERIFY(m_auth->login(QStringLiteral("ops@example.org"), QStringLiteral("chosen-password")).ok());
    QCOMPARE(m_auth->createAdmin(QStringLiteral("x@example.org"), QStringLiteral("short")).error(),
             AuthError::WeakPassword);
}

void TestAuthService::listsUsers()
{
    QVERIFY(m_auth->listUsers().isEmpty());
    QVERIFY(m_auth->registerUser(QStringLiteral("b@example.org"), kPassword, QStringLiteral("B")).ok());
    m_now += 1;
    QVERIFY(
        m_auth->registerUser(QStringLiteral("a@example.org"), kPassword, QStringLiteral("A"), QStringLiteral("citizen"))
            .ok());
    const QList<UserRecord> users = m_auth->listUsers();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users[0].email, QStringLiteral("b@example.org"));
    QCOMPARE(users[1].email, QStringLiteral("a@example.org"));
    QCOMPARE(users[1].role, QStringLiteral("citizen"));
}

void TestAuthService::purgesExpiredRows()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto session = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    m_auth->logout(m_auth->authenticate(session->access.token)->token, session->refresh.token);
    (void)m_auth->issueBootstrapToken();

    PurgeCounts counts = m_auth->purgeExpired();
    QCOMPARE(counts.refreshTokens + counts.revokedAccessJtis + counts.bootstrapTokens, 0);

    m_now += 1800; // the access token (and the bootstrap token) expired: their rows can go
    counts = m_auth->purgeExpired();
    QCOMPARE(counts.revokedAccessJtis, 1);
    QCOMPARE(counts.bootstrapTokens, 1);
    QCOMPARE(counts.refreshTokens, 0);

    m_now = kStart + 7 * 24 * 3600;
    counts = m_auth->purgeExpired();
    QCOMPARE(counts.refreshTokens, 1);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens"), 0);
    QCOMPARE(count("SELECT count(*) FROM users"), 1);
}

void TestAuthService::isSafeToCallFromSeveralThreads()
{
    // The HTTP layer calls from worker threads: each thread runs a whole account life cycle.
    constexpr int kThreads = 4;
    std::atomic<int> completed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([this, t, &completed] {
            const QString email = QStringLiteral("user%1@example.org").arg(t);
            if (!m_auth->registerUser(email, kPassword, QStringLiteral("User")).ok())
                return;
            auto session = m_auth->login(email, kPassword);
            for (int i = 0; i < 5 && session.ok(); ++i)
                session = m_auth->refresh(session->refresh.token);
            if (!session.ok())
                return;
            const auto authenticated = m_auth->authenticate(session->access.token);
            if (!authenticated.ok())
                return;
            m_auth->logout(authenticated->token, session->refresh.token);
            if (m_auth->authenticate(session->access.token).tokenFailure() == TokenFailure::Revoked)
                ++completed;
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(completed.load(), kThreads);
    QCOMPARE(count("SELECT count(*) FROM users"), kThreads);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens"), kThreads * 6);
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 0);
}

void TestAuthService::racingRefreshesOfOneTokenLetExactlyOneWin()
{
    QVERIFY(m_auth->registerUser(QStringLiteral("ana@example.org"), kPassword, QStringLiteral("Ana")).ok());
    const auto session = m_auth->login(QStringLiteral("ana@example.org"), kPassword);
    constexpr int kThreads = 4;
    std::atomic<int> winners{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([this, &session, &winners] {
            if (m_auth->refresh(session->refresh.token).ok())
                ++winners;
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(winners.load(), 1);
    // The losers replayed a spent token: the family, including the winner's new token, is revoked.
    QCOMPARE(count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 0);
}

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
