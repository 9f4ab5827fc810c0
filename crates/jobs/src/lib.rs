//! peergroup-jobs
