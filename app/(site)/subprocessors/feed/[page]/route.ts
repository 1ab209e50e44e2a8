import { notFound } from 'next/navigation';
import { datedResponse, pageContent } from '@/lib/dated-route';
import { atomFeed } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';

/** Archive pages are rendered when first asked for; proxy.ts answers pages not full yet with a 404 first. */
export function generateStaticParams(): { page: string }[] {
  return [];
}

export async function GET(_: Request, { params }: { params: Promise<{ page: string; scope?: string }> }): Promise<Response> {
  const match = /^([1-9][0-9]{0,8})\.xml$/.exec((await params).page);
  if (!match) notFound();
  try {
    return datedResponse(await pageContent(params), 'application/atom+xml; charset=utf-8', (content, date) => atomFeed(content, date, Number(match[1])));
  } catch (error) {
    if (error instanceof RangeError) notFound();
    throw error;
  }
}
