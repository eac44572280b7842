/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-partner.h"
#include "rei-referral.h"
#include "rei-service.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The local reintegration network in the store: partners, the service catalogue, referrals,
 * their counts per period and the gaps.  Errors in REI_STORE_ERROR (INVALID for an unknown
 * code, CONSTRAINT for a NIP another partner has, NOT_FOUND) or REI_PARTNER_ERROR (a field). */

/* Every partner with its areas, in Polish order of name. */
GPtrArray   *rei_store_list_partners      (ReiStore      *self,
                                           GError       **error);
ReiPartner  *rei_store_get_partner        (ReiStore      *self,
                                           gint64         id,
                                           GError       **error);
gint64       rei_store_count_partners     (ReiStore      *self,
                                           GError       **error);
/* Checks the fields (rei_partner_check) and the area codes, inserts (id 0; the new id is set on
 * the partner) or updates, with an audit row naming the changed fields. */
gboolean     rei_store_save_partner       (ReiStore      *self,
                                           ReiPartner    *partner,
                                           GError       **error);
/* Its services and referrals go with it. */
gboolean     rei_store_delete_partner     (ReiStore      *self,
                                           gint64         id,
                                           GError       **error);
/* The partner with this NIP (digits, separators allowed) when nip is given and known, else the
 * one with this name (case and diacritics folded); 0 when none, -1 on error. */
gint64       rei_store_find_partner       (ReiStore      *self,
                                           const char    *nip,
                                           const char    *name,
                                           GError       **error);
/* The id of the partner of this name, created (local, public sector, of the given type "A",
 * "B" or "C") when there is none: for reports and plans that name a partner (a project's MOPS
 * or PUP is "B").  -1 on error. */
gint64       rei_store_ensure_partner     (ReiStore      *self,
                                           const char    *name,
                                           const char    *type,
                                           GError       **error);

/* Area codes and labels of the CUS act (social_area) and the dimensions of reintegration
 * potential: GPtrArray of GStrv { code, label }, in their order. */
GPtrArray   *rei_store_list_social_areas  (ReiStore      *self,
                                           GError       **error);
GPtrArray   *rei_store_list_dimensions    (ReiStore      *self,
                                           GError       **error);

/* The catalogue in Polish order; partner_id > 0: only that partner's services. */
GPtrArray   *rei_store_list_services      (ReiStore      *self,
                                           gint64         partner_id,
                                           GError       **error);
ReiService  *rei_store_get_service        (ReiStore      *self,
                                           gint64         id,
                                           GError       **error);
gboolean     rei_store_save_service       (ReiStore      *self,
                                           ReiService    *service,
                                           GError       **error);
gboolean     rei_store_delete_service     (ReiStore      *self,
                                           gint64         id,
                                           GError       **error);

/* Referrals, newest first, with partner, service and resident names; partner_id or
 * resident_id > 0 narrows the list. */
GPtrArray   *rei_store_list_referrals     (ReiStore      *self,
                                           gint64         partner_id,
                                           gint64         resident_id,
                                           GError       **error);
/* Checks the referral and that its service (if any) is the partner's, then inserts or
 * updates it with an audit row. */
gboolean     rei_store_save_referral      (ReiStore      *self,
                                           ReiReferral   *referral,
                                           GError       **error);
gboolean     rei_store_delete_referral    (ReiStore      *self,
                                           gint64         id,
                                           GError       **error);
/* Referrals made between from_iso and to_iso inclusive (NULL: open), per partner: a hash table
 * of gint64* partner id → GUINT_TO_POINTER (count); partners without referrals are absent.
 * Runs in a worker thread; stops with G_IO_ERROR_CANCELLED. */
GHashTable  *rei_store_count_referrals    (ReiStore      *self,
                                           const char    *from_iso,
                                           const char    *to_iso,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* The same in a worker thread, for the window: the map re-weighs its links when it comes. */
void         rei_store_count_referrals_async  (ReiStore            *self,
                                               const char          *from_iso,
                                               const char          *to_iso,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GHashTable  *rei_store_count_referrals_finish (ReiStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Gaps (seed 000, "gaps in the range of available services"): each of the 14 areas and each
 * dimension of reintegration potential against the active services that have a provider, and
 * the needs recorded in plans (plan_unmet_need) that are still open. */
typedef struct
{
  gboolean  is_area;        /* an area of the CUS act, else a dimension of potential */
  char     *code;
  char     *label;
  guint     n_services;     /* active services with a provider */
  guint     n_partners;     /* distinct providers (and, for an area, partners working in it) */
  guint     n_open_needs;   /* open unmet needs recorded in plans for it */
} ReiCoverage;

void         rei_coverage_free            (ReiCoverage   *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiCoverage, rei_coverage_free)
/* A gap: nobody provides a service there, or plans record needs there that stay unmet. */
gboolean     rei_coverage_is_gap          (const ReiCoverage *coverage);

typedef struct
{
  gint64    id;
  gint64    plan_id;
  char     *area_code;       /* may be NULL */
  char     *dimension_code;  /* may be NULL */
  char     *description;
  char     *recorded_on;
  gboolean  served_now;      /* a partner's active service now covers its area and dimension */
} ReiUnmetNeed;

void         rei_unmet_need_free          (ReiUnmetNeed  *need);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiUnmetNeed, rei_unmet_need_free)

/* ReiCoverage*: the 14 areas, then the active dimensions, in their order. */
GPtrArray   *rei_store_list_coverage      (ReiStore      *self,
                                           GError       **error);
/* ReiUnmetNeed*: the open needs (met_on empty), oldest first; only those no partner's service
 * covers when only_unserved. */
GPtrArray   *rei_store_list_unmet_needs   (ReiStore      *self,
                                           gboolean       only_unserved,
                                           GError       **error);

G_END_DECLS
