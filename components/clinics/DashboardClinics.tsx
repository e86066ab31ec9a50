// The dashboard's clinic sections: a volunteer's "Your clinics" with the link to offer one, and for staff the
// seats their charity holds and "Clinics that fit your open asks". Times in the viewer's zone, named.
import Link from 'next/link';
import { seatsLeftLabel } from '@/components/clinics/ClinicCard';
import { DashboardList } from '@/components/dashboard/DashboardList';
import { Badge } from '@/components/ui/Badge';
import { clinicStatusLabels, seatStatusLabels } from '@/lib/clinics/labels';
import type { FittingClinic } from '@/lib/clinics/listing';
import type { DashboardClinic, DashboardClinicSeat } from '@/lib/dashboard/clinics';
import { formatDateTime } from '@/lib/dates';
import { plural } from '@/lib/labels';

export function YourClinics({ clinics, timeZone }: { clinics: DashboardClinic[]; timeZone: string }) {
  return (
    <div className="space-y-3">
      <DashboardList
        id="your-clinics"
        title="Your clinics"
        empty="You have no clinics coming up. A group clinic answers several charities’ questions on one topic in one session."
      >
        {clinics.map((clinic) => (
          <li key={clinic.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/clinics/${clinic.id}`} className="font-semibold break-words">
              {clinic.topic}
            </Link>
            <span className="text-slate-700">{formatDateTime(clinic.startsAt, timeZone)}</span>
            <Badge tone={clinic.status === 'PUBLISHED' ? 'success' : 'accent'}>{clinicStatusLabels[clinic.status]}</Badge>
            {clinic.status === 'PUBLISHED' ? (
              <span className="text-sm text-slate-700">
                {plural(clinic.taken, 'seat')} of {clinic.seats} booked
                {clinic.waiting > 0 ? `, ${plural(clinic.waiting, 'charity', 'charities')} waiting` : ''}
              </span>
            ) : null}
          </li>
        ))}
      </DashboardList>
      <p>
        <Link href="/clinics/new">Offer a group clinic</Link>
      </p>
    </div>
  );
}

export function ClinicSeats({
  seats,
  timeZone,
  showOrganisation,
}: {
  seats: DashboardClinicSeat[];
  timeZone: string;
  showOrganisation: boolean;
}) {
  return (
    <DashboardList
      id="clinic-seats"
      title="Your clinic seats"
      empty={
        <>
          None yet. <Link href="/clinics">See the clinics coming up</Link>.
        </>
      }
    >
      {seats.map((seat) => (
        <li key={seat.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link href={`/clinics/${seat.clinic.id}`} className="font-semibold break-words">
            {seat.clinic.topic}
          </Link>
          <span className="text-slate-700">
            {formatDateTime(seat.clinic.startsAt, timeZone)}
            {showOrganisation ? ` for ${seat.organisationName}` : ''}
          </span>
          <Badge tone={seat.status === 'BOOKED' ? 'success' : 'accent'}>
            {seat.clinic.status === 'CANCELLED' ? 'Clinic cancelled' : seatStatusLabels[seat.status]}
          </Badge>
          {seat.status === 'OFFERED' && seat.offerExpiresAt ? (
            <span className="text-sm text-slate-800">Confirm by {formatDateTime(seat.offerExpiresAt, timeZone)}</span>
          ) : null}
        </li>
      ))}
    </DashboardList>
  );
}

export function FittingClinics({ clinics, timeZone }: { clinics: FittingClinic[]; timeZone: string }) {
  return (
    <DashboardList
      id="fitting-clinics"
      title="Clinics that fit your open asks"
      empty={
        <>
          No upcoming clinic covers the skills your asks need. <Link href="/clinics">See every clinic coming up</Link>.
        </>
      }
    >
      {clinics.map((clinic) => (
        <li key={clinic.id} className="space-y-1">
          <p>
            <Link href={`/clinics/${clinic.id}`} className="font-semibold break-words">
              {clinic.topic}
            </Link>{' '}
            <span className="text-slate-700">
              {formatDateTime(clinic.startsAt, timeZone)}, {seatsLeftLabel(clinic).toLowerCase()}
            </span>
          </p>
          <p className="text-sm text-slate-800 break-words">{clinic.reason}</p>
        </li>
      ))}
    </DashboardList>
  );
}
