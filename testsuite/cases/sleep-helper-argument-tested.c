// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that sleeps only when an argument is NULL ("if (!skb) skb =
 * alloc_skb(len, GFP_KERNEL)") does not sleep for a caller whose path
 * tested that argument non-NULL: in the atomic caller itself, or in a
 * helper between them ("skb = alloc_skb(len, GFP_ATOMIC); if (skb)
 * send_reset(sk, skb)").  The parameter is reassigned after its test,
 * which does not change what the test said.  Passing NULL, or an
 * argument the path never tested, may sleep.  Slice of an offloaded TCP
 * connection manager.
 */
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/bottom_half.h>

struct sk_buff;
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
void kfree_skb(struct sk_buff *skb);
void cpl_send(struct sk_buff *skb);

struct csk {
	spinlock_t lock;
	int state;
};

static void csk_send_abort(struct csk *csk, int mode, struct sk_buff *skb)
{
	if (!skb)
		skb = alloc_skb(64, GFP_KERNEL);
	cpl_send(skb);
}

static void csk_send_reset(struct csk *csk, int mode, struct sk_buff *skb)
{
	csk->state = mode;
	csk_send_abort(csk, mode, skb);
}

static void csk_abort_conn(struct csk *csk)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	if (skb)
		csk_send_reset(csk, 1, skb);
}

static void good_csk_reap(struct csk *csk)
{
	spin_lock_bh(&csk->lock);
	csk_abort_conn(csk);
	spin_unlock_bh(&csk->lock);
}

static void good_csk_close(struct csk *csk)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	local_bh_disable();
	if (skb)
		csk_send_reset(csk, 2, skb);
	local_bh_enable();
}

static void warn_csk_close_null(struct csk *csk)
{
	local_bh_disable();
	csk_send_reset(csk, 2, NULL);
	local_bh_enable();
}

static void warn_csk_close_untested(struct csk *csk, struct sk_buff *skb)
{
	spin_lock_bh(&csk->lock);
	csk_send_reset(csk, 2, skb);
	spin_unlock_bh(&csk->lock);
}
/*
 * check-name: a helper sleeping only for a NULL argument, given a tested one
 * check-output-ignore-notes
 *
 * check-output-start
sleep-helper-argument-tested.c:67:2: warning: 'csk_send_reset' may sleep but 'warn_csk_close_null' runs with bottom halves disabled by local_bh_disable (line 66) [-Wsleep-in-atomic]
sleep-helper-argument-tested.c:74:2: warning: 'csk_send_reset' may sleep but 'warn_csk_close_untested' holds spinlock '&csk->lock' (taken at line 73) [-Wsleep-in-atomic]
 * check-output-end
 */
