import { todayParams } from '@/lib/dated-route';

export const generateStaticParams = todayParams;

export default function DatedLayout({ children }: { children: React.ReactNode }) {
  return children;
}
