// Every earlier schema version must open and migrate to the latest, keeping data.
// Two sources of old databases: (1) built here by running the migrations up to
// version N, and (2) frozen dumps in tests/data/schema/vN.sql, written by the
// release that had schema N — they catch a released migration being edited.
#include "core/store/Schema.h"
#include "core/store/Store.h"
#include "core/sync/SearchIndexer.h"
#include "tests/support/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald::store;

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private slots:
    void builtAtEveryVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }
    void builtAtEveryVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        {
            Database db(Store::databasePath(dir.path()));
            migrate(db, version);
            QCOMPARE(db.userVersion(), version);
        }
        Store store(dir.path());
        QCOMPARE(store.db().userVersion(), latestSchemaVersion());
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    void frozenDumps_data()
    {
        QTest::addColumn<QString>("dump");
        const QDir dir(herald::test::dataFile(QStringLiteral("schema")));
        const auto files = dir.entryList({QStringLiteral("v*.sql")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), "no frozen schema dumps found in tests/data/schema");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void frozenDumps()
    {
        QFETCH(QString, dump);
        QFile file(dump);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTemporaryDir dir;
        {
            Database db(Store::databasePath(dir.path()));
            db.exec(file.readAll().constData());
        }
        Store store(dir.path());
        QCOMPARE(store.db().userVersion(), latestSchemaVersion());
        // Each dump holds account "legacy" with one INBOX message "Kept across upgrades".
        const auto account = store.accounts().byName(QStringLiteral("legacy"));
        QVERIFY(account);
        MessageQuery q;
        q.accountId = account->id;
        const auto rows = store.messages().list(q);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].subject, QStringLiteral("Kept across upgrades"));
        QCOMPARE(rows[0].folderName, QStringLiteral("INBOX"));
        QVERIFY(store.bodies().get(rows[0].id).has_value());
        // v6: the index is made again without stemming; the message waits to be indexed.
        QCOMPARE(store.search().pendingCount(), qint64(1));
        QCOMPARE(herald::sync::SearchIndexer(store).search(QStringLiteral("upgrad")).size(),
                 size_t(1));
        // v4: has_body is filled from the bodies table, then kept by triggers.
        const auto hasBody = [&] {
            Statement st(store.db(), "SELECT has_body FROM messages WHERE id=?");
            st.bind(1, rows[0].id);
            return st.step() ? st.int64(0) : -1;
        };
        QCOMPARE(hasBody(), 1);
        store.bodies().remove(rows[0].id);
        QCOMPARE(hasBody(), 0);
        store.bodies().put(rows[0].id, QByteArray("Subject: back\r\n\r\nagain\r\n"));
        QCOMPARE(hasBody(), 1);
        // v6: tasks have an undo window; one enqueued without it is due at once.
        store.tasks().enqueue(account->id, QStringLiteral("flag"), QStringLiteral("{}"));
        QCOMPARE(store.tasks().due(account->id, QDateTime::currentSecsSinceEpoch()).size(),
                 size_t(1));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        {
            Database db(Store::databasePath(dir.path()));
            migrate(db);
            db.setUserVersion(latestSchemaVersion() + 1);
        }
        try {
            Store store(dir.path());
            QFAIL("a cache from a newer Herald must not be opened");
        } catch (const SqliteError &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("newer Herald")));
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
