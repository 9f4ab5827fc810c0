//! The mailer against a real SMTP server: a message is the server's only once its end is
//! sent, and the pool never holds more connections than configured.

use peergroup_blackbox::smtp::SmtpServer;
use peergroup_notify::render::{Block, Rendered};
use peergroup_notify::transport::{Outgoing, build};
use peergroup_notify::{Mailer, SendError};
use std::time::Duration;

fn outgoing(n: u32) -> Outgoing {
    Outgoing {
        from: "peergroup <noreply@peergroup.test>".into(),
        reply_to: None,
        to_name: format!("Person {n}"),
        to_email: format!("p{n}@example.test"),
        message_id: format!("<m{n}@peergroup.test>"),
        list_unsubscribe: None,
        rendered: Rendered {
            locale: "en",
            subject: format!("Message {n}"),
            // A body line starting with a dot: the end of the message is only the final one.
            blocks: vec![Block::Line(".\r\n.not the end".into())],
        },
    }
}

/// Waits until the server has `n` messages, or a second has passed; returns what it has.
async fn settle(server: &SmtpServer, n: usize) -> usize {
    for _ in 0..100 {
        if server.count() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Long enough for a message that should not arrive to have arrived.
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.count()
}

#[tokio::test]
async fn a_message_is_delivered_at_its_end_and_one_given_up_before_it_never() {
    let server = SmtpServer::start();
    let mailer = Mailer::smtp(&server.url(), 2, Duration::from_secs(5)).unwrap();

    let first = build(&outgoing(1)).unwrap();
    let started = mailer.start(&first).await.unwrap();
    assert_eq!(
        settle(&server, 1).await,
        0,
        "nothing is delivered before the end"
    );
    started.finish().await.unwrap();
    assert_eq!(settle(&server, 1).await, 1);
    let got = server.received();
    assert_eq!(got[0].to, "p1@example.test");
    assert_eq!(got[0].subject, "Message 1");
    assert!(got[0].text.contains(".not the end"), "{}", got[0].text);

    // Given up half-way, as a process killed while waiting for its permit.
    let second = build(&outgoing(2)).unwrap();
    drop(mailer.start(&second).await.unwrap());
    assert_eq!(settle(&server, 2).await, 1, "the server discarded it");

    // The pool goes on with a working connection, and each message arrives once.
    for n in 3..6 {
        mailer.send(&outgoing(n)).await.unwrap();
    }
    assert_eq!(settle(&server, 4).await, 4);
    let subjects: Vec<String> = server.received().into_iter().map(|m| m.subject).collect();
    assert_eq!(
        subjects,
        ["Message 1", "Message 3", "Message 4", "Message 5"]
    );
}

#[tokio::test]
async fn messages_waiting_for_their_end_hold_at_most_the_pools_connections() {
    let server = SmtpServer::start();
    let mailer = Mailer::smtp(&server.url(), 2, Duration::from_secs(5)).unwrap();
    let built: Vec<_> = (1..=3).map(|n| build(&outgoing(n)).unwrap()).collect();
    let a = mailer.start(&built[0]).await.unwrap();
    let b = mailer.start(&built[1]).await.unwrap();
    let third = tokio::time::timeout(Duration::from_millis(200), mailer.start(&built[2])).await;
    assert!(
        third.is_err(),
        "a third connection waits for one of the two"
    );
    a.finish().await.unwrap();
    let c = tokio::time::timeout(Duration::from_secs(5), mailer.start(&built[2]))
        .await
        .expect("a connection is free again")
        .unwrap();
    b.finish().await.unwrap();
    c.finish().await.unwrap();
    assert_eq!(settle(&server, 3).await, 3);
}

#[tokio::test]
async fn a_refused_recipient_fails_before_the_end_and_for_good() {
    let server = SmtpServer::start();
    server.refuse(true);
    let mailer = Mailer::smtp(&server.url(), 1, Duration::from_secs(5)).unwrap();
    let built = build(&outgoing(1)).unwrap();
    let err = mailer.start(&built).await.err().expect("refused");
    assert!(matches!(err, SendError::Permanent(_)), "{err:?}");
    server.refuse(false);
    mailer.send(&outgoing(2)).await.unwrap();
    assert_eq!(settle(&server, 1).await, 1);
}
